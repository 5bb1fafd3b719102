using System.Net;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using ClaimTrigger = SubsidyService.Domain.Claims.ClaimTrigger;
using SubsidyService.Domain.Kernel;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

/// <summary>Each trigger's <c>data</c> is read as its own record: its shape checked field by field, nothing else kept.</summary>
public sealed class TriggerDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static TheoryData<string, object, string[]> WrongKinds => new()
    {
        { "verify", new { majorImpact = "yes", foreignRelated = 1, feeBase = 9000 }, ["data.majorImpact", "data.foreignRelated", "data.feeBase"] },
        { "request_supplement", new { defects = "判决书缺失" }, ["data.defects"] },
        { "request_supplement", new { defects = new object[] { "判决书缺失", 7 } }, ["data.defects"] },
        { "resolve_screening", new { code = 5, decision = true }, ["data.code", "data.decision"] },
        { "correct_bank_account", new { bankName = 1, accountName = new { }, accountNumber = 6222 }, ["data.bankName", "data.accountName", "data.accountNumber"] },
        { "settle_recovery", new { recoveryId = "第一笔", method = 1, amount = true }, ["data.recoveryId", "data.method", "data.amount"] },
    };

    /// <summary>
    /// A body of the wrong shape is refused as a whole request is, every wrong member named, before the claim is
    /// looked up: here the claim does not even exist, and the answer is still the 400 and not a 404.
    /// </summary>
    [Theory]
    [MemberData(nameof(WrongKinds))]
    public async Task Data_of_the_wrong_kind_is_refused_naming_every_member(string trigger, object data, string[] fields)
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var json = await (await ClaimApi.FireAsync(verifier, Guid.NewGuid(), 1, trigger, data: data)).ShouldBeValidationProblemNamingAsync(fields);
        json.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(fields, "only the members that are wrong are named");
    }

    [Fact]
    public void Every_trigger_a_client_may_send_data_with_reads_its_own_record()
    {
        var empty = JsonDocument.Parse("{}").RootElement;
        foreach (var (trigger, type) in TriggerData.FromClients)
            TriggerData.Read(trigger, empty).Value.Should().BeOfType(type, EnumCodes.ToCode(trigger));
        TriggerData.Read(ClaimTrigger.StartReview, JsonDocument.Parse("""{"anything": 1}""").RootElement).Value
            .Should().BeNull("a trigger without data ignores what is sent");
        TriggerData.Read(ClaimTrigger.PaymentSucceeded, JsonDocument.Parse("""{"batchId": "x"}""").RootElement).Value
            .Should().BeNull("the records the service fires itself are not read from clients");
    }

    /// <summary>The event keeps what the trigger's record holds: a member the record does not have never reaches the log.</summary>
    [Fact]
    public async Task The_event_keeps_the_record_and_not_what_else_was_sent()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");

        var response = await ClaimApi.FireAsync(verifier, claim, "request_supplement", reason: "请补正材料",
            data: new { defects = new[] { "  缺少判决生效证明 " }, note = "<script>alert(1)</script>" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var stored = await ClaimApi.GetAsync(verifier, claim.Id());
        var data = stored.GetProperty("history").EnumerateArray().Last().GetProperty("data");
        data.GetProperty("defects").EnumerateArray().Select(d => d.GetString()).Should().Equal("缺少判决生效证明");
        // The deadline is the service's own, set from the policy version; the client's note is not kept.
        data.EnumerateObject().Select(p => p.Name).Should().Equal("defects", "dueOn");
        data.GetProperty("dueOn").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\d$");
    }
}
