using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

public sealed class ClaimLifecycleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_claim_goes_from_draft_to_verified_through_the_api_alone()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);

        var claim = await ClaimApi.CreateAsync(applicant);
        claim.Status().Should().Be("draft");
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("4000.00");
        claim.GetProperty("policyVersion").GetString().Should().Be("2023-item13");
        claim.Triggers().Should().BeEquivalentTo("submit", "withdraw");

        claim = await ClaimApi.MustFireAsync(applicant, claim, "submit");
        claim.Status().Should().Be("submitted");
        claim.Triggers().Should().Equal("withdraw");

        claim = await ClaimApi.MustFireAsync(verifier, claim, "start_review");
        claim.Triggers().Should().Contain(["verify", "reject", "request_supplement"]);

        claim = await ClaimApi.MustFireAsync(verifier, claim, "verify", data: new { feeBase = "6000.00", majorImpact = false });
        claim.Status().Should().Be("verified");
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("3000.00", "the amount is computed again on the lowered fee base");
        claim.GetProperty("verification").GetProperty("feeBase").GetString().Should().Be("6000.00");

        // The uploads of the required materials are in the history too; the transitions are what this test follows.
        var history = claim.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("trigger").GetString(), h.GetProperty("from").GetString(), h.GetProperty("to").GetString()))
            .Where(h => h.Item1 != "document_added").ToList();
        history.Should().Equal(("create", null, "draft"), ("submit", "draft", "submitted"), ("start_review", "submitted", "under_review"), ("verify", "under_review", "verified"));
    }

    [Fact]
    public async Task A_supplement_request_sends_the_claim_back_and_the_applicant_resubmits()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        claim = await ClaimApi.MustFireAsync(verifier, claim, "start_review");

        var noReason = await ClaimApi.FireAsync(verifier, claim, "request_supplement");
        await noReason.ShouldBeValidationProblemNamingAsync("reason");

        claim = await ClaimApi.MustFireAsync(verifier, claim, "request_supplement", reason: "请补充材料",
            data: new { defects = new[] { "缺少维权代理合同", "发票金额与代理费不符" } });
        claim.Status().Should().Be("supplement_requested");
        var request = claim.GetProperty("history").EnumerateArray().Last();
        request.GetProperty("data").GetProperty("defects").GetArrayLength().Should().Be(2);

        var body = ClaimApi.Body(b => b["agencyFee"] = "7000.00");
        body["caseNumber"] = claim.GetProperty("facts").GetProperty("caseNumber").GetString();
        body["invoices"] = claim.GetProperty("facts").GetProperty("invoices");
        body["expectedVersion"] = claim.GetProperty("version").GetInt32();
        var edited = await applicant.PutAsJsonAsync($"/api/v1/claims/{claim.Id()}", body);
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        claim = await ClaimApi.JsonAsync(edited);
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("3500.00");

        claim = await ClaimApi.MustFireAsync(applicant, claim, "submit");
        claim.Status().Should().Be("submitted");
    }

    [Fact]
    public async Task A_claim_is_rejected_with_a_reason_code_and_text()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");

        await (await ClaimApi.FireAsync(verifier, claim, "reject", reason: "材料不足")).ShouldBeValidationProblemNamingAsync("reasonCode");
        await (await ClaimApi.FireAsync(verifier, claim, "reject", reason: "材料不足", reasonCode: "made_up")).ShouldBeValidationProblemNamingAsync("reasonCode");
        await (await ClaimApi.FireAsync(verifier, claim, "reject", reasonCode: "evidence_insufficient")).ShouldBeValidationProblemNamingAsync("reason");

        claim = await ClaimApi.MustFireAsync(verifier, claim, "reject", reason: "判决书与案号不符", reasonCode: "evidence_insufficient");
        claim.Status().Should().Be("rejected");
        claim.Triggers().Should().BeEmpty();
        var last = claim.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("reason").GetString().Should().Be("判决书与案号不符");
        last.GetProperty("data").GetProperty("reasonCode").GetString().Should().Be("evidence_insufficient");
    }

    [Fact]
    public async Task The_applicant_withdraws_before_verification_but_not_after()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var withdrawn = await ClaimApi.MustFireAsync(applicant, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "withdraw");
        withdrawn.Status().Should().Be("withdrawn");

        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(verifier, claim, "start_review"), "verify");
        claim = await ClaimApi.GetAsync(applicant, claim.Id());
        await (await ClaimApi.FireAsync(applicant, claim, "withdraw")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trigger_not_permitted");
    }

    [Fact]
    public async Task An_ineligible_claim_cannot_be_verified_only_rejected()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant, b => b["domicileInCounty"] = false);
        claim.GetProperty("estimate").GetProperty("eligible").GetBoolean().Should().BeFalse();
        claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, claim, "submit"), "start_review");
        claim.Triggers().Should().NotContain("verify").And.Contain("reject");

        var problem = await (await ClaimApi.FireAsync(verifier, claim, "verify")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trigger_not_permitted");
        problem.GetProperty("detail").GetString().Should().Contain("符合补助条件");
    }

    [Fact]
    public async Task Verify_refuses_a_fee_base_above_the_declared_one()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");
        await (await ClaimApi.FireAsync(verifier, claim, "verify", data: new { feeBase = "9000.00" })).ShouldBeValidationProblemNamingAsync("data.feeBase");
        await (await ClaimApi.FireAsync(verifier, claim, "verify", data: new { majorImpact = "yes" })).ShouldBeValidationProblemNamingAsync("data.majorImpact");
        (await ClaimApi.GetAsync(verifier, claim.Id())).Status().Should().Be("under_review", "a refused request changes nothing");
    }

    [Fact]
    public async Task Listing_shows_applicants_only_their_own_and_filters_by_status()
    {
        var (alice, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (bob, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var mine = await ClaimApi.CreateAsync(alice);
        var theirs = await ClaimApi.MustFireAsync(bob, await ClaimApi.CreateAsync(bob), "submit");

        var page = await ClaimApi.JsonAsync(await alice.GetAsync("/api/v1/claims"));
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        ids.Should().Contain(mine.Id()).And.NotContain(theirs.Id());

        var queue = await ClaimApi.JsonAsync(await verifier.GetAsync("/api/v1/claims?status=submitted,under_review&pageSize=100"));
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Should().OnlyContain(s => s == "submitted" || s == "under_review");
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(theirs.Id());

        var search = await ClaimApi.JsonAsync(await verifier.GetAsync($"/api/v1/claims?q={Uri.EscapeDataString(theirs.GetProperty("facts").GetProperty("caseNumber").GetString()!.Replace("（", "(").Replace("）", ")"))}"));
        search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Equal(theirs.Id());

        await (await verifier.GetAsync("/api/v1/claims?status=nonsense")).ShouldBeValidationProblemNamingAsync("status");
        await (await verifier.GetAsync("/api/v1/claims?page=0")).ShouldBeValidationProblemNamingAsync("page");
    }

    [Fact]
    public async Task Personal_data_is_masked_for_roles_that_do_not_need_it()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (finance, _) = await fixture.App.ClientAsAsync(Roles.Finance);
        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var claim = await ClaimApi.CreateAsync(applicant);
        var id = Policy.EstimateFacts.PersonId();

        static (string, string) Personal(System.Text.Json.JsonElement c) =>
            (c.GetProperty("facts").GetProperty("idNumber").GetString()!, c.GetProperty("bankAccount").GetProperty("accountNumber").GetString()!);

        Personal(await ClaimApi.GetAsync(applicant, claim.Id())).Should().Be((id, "6222021234567890"));
        Personal(await ClaimApi.GetAsync(verifier, claim.Id())).Should().Be((id, "622*********7890"));
        Personal(await ClaimApi.GetAsync(finance, claim.Id())).Should().Be(("330***********" + id[^4..], "6222021234567890"));
        Personal(await ClaimApi.GetAsync(auditor, claim.Id())).Should().Be(("330***********" + id[^4..], "622*********7890"));
    }
}
