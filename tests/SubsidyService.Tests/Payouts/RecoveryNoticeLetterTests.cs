using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using FluentAssertions;
using SubsidyService.Letters.Tests;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>A recovery opened on a paid claim is told by a sealed 追回告知书, attached to the applicant's message.</summary>
public sealed partial class RecoveryNoticeLetterTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task Opening_a_recovery_issues_a_sealed_recovery_notice_sent_with_the_message()
    {
        var s = await PayoutSetup.StartAsync(App);
        var claim = await s.ReadyThroughApiAsync();
        var batchId = (await s.RunBatchThroughApiAsync()).GetProperty("id").GetGuid();
        var line = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).Single(l => Guid.Parse(l[0]) == claim.Id());
        (await s.PostResultsAsync(batchId, PayoutSetup.Results((line, "paid", null)))).StatusCode.Should().Be(HttpStatusCode.OK);

        var opened = await s.People.Verifier.PostAsJsonAsync("/api/v1/recoveries",
            new { claimId = claim.Id(), grounds = "fraud", amount = "2500.00", reason = "经核实代理费发票系伪造" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());

        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var letter = await conn.QuerySingleAsync<(string Number, decimal Amount, byte[] Pdf)>(
            "SELECT number, amount, pdf FROM letters WHERE claim_id = @id AND kind = 'recovery_notice'", new { id = claim.Id() });
        letter.Amount.Should().Be(2500.00m);
        var text = Whitespace().Replace(Poppler.Text(letter.Pdf), "");
        text.Should().Contain("专利维权代理费补助追回告知书").And.Contain(Whitespace().Replace(letter.Number, ""));
        text.Should().Contain("受理编号" + claim.GetProperty("applicationNumber").GetString(), "the notice names the claim by its 受理编号, as the decision letters do");
        text.Should().Contain("2,500.00").And.Contain("人民币贰仟伍佰元整").And.Contain("以虚假材料骗取补助").And.Contain("经核实代理费发票系伪造");
        text.Should().MatchRegex(@"《申请人承诺书》（[^）]+版）").And.Contain("六十日内申请行政复议").And.Contain("六个月内提起行政诉讼");
        Poppler.Signatures(letter.Pdf).Should().Contain("Signature is Valid.");

        var message = await conn.QuerySingleAsync<(string Body, string[] Attachments)>(
            "SELECT body, attachment_names AS attachments FROM inbox_messages WHERE claim_id = @id AND kind = 'recovery'", new { id = claim.Id() });
        message.Body.Should().Contain("《追回告知书》");
        message.Attachments.Should().Equal($"追回告知书-{letter.Number}.pdf");

        var current = await s.Applicant.GetAsync($"/api/v1/claims/{claim.Id()}/letter");
        Poppler.Text(await current.Content.ReadAsByteArrayAsync()).Should().Contain("核准通知书", "the claim's letter stays its approval");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
