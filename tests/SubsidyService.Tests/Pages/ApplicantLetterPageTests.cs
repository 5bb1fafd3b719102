using System.Net;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Kernel;

using Roles = SubsidyService.Accounts.Roles;

namespace SubsidyService.Tests.Pages;

public sealed class ApplicantLetterPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_approved_claim_shows_its_letter_and_notice_and_the_payout_states_say_what_happened()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var api = fixture.App.ClientWithToken(await fixture.App.TokenAsync(applicant.User.Username));
        var paid = await ApproveAsync(flows, api);
        var failed = await ApproveAsync(flows, api);
        var number = (await ClaimApi.GetAsync(api, paid)).GetProperty("letter").GetProperty("number").GetString()!;

        var page = await applicant.HtmlAsync($"/Applicant/Claims/{paid}");
        page.Should().Contain("st-in_public_notice").And.Contain(number).And.Contain($"/Applicant/Claims/{paid}/Letter");
        page.Should().MatchRegex("补助已批准，正在公示，公示期至 \\d{4}年\\d{1,2}月\\d{1,2}日");
        var pdf = await applicant.Client.GetAsync($"/Applicant/Claims/{paid}/Letter");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentDisposition!.FileNameStar.Should().Contain(number);

        await SystemAsync(paid, ClaimTrigger.NoticeElapsed, ClaimTrigger.IncludeInPayout, ClaimTrigger.PaymentSucceeded);
        await SystemAsync(failed, ClaimTrigger.NoticeElapsed, ClaimTrigger.IncludeInPayout, ClaimTrigger.PaymentFailed);

        (await applicant.HtmlAsync($"/Applicant/Claims/{paid}")).Should().Contain("st-paid").And.Contain("拨付至您的收款账户")
            .And.Contain("请注意查收").And.Contain(number);
        (await applicant.HtmlAsync($"/Applicant/Claims/{failed}")).Should().Contain("st-payout_failed")
            .And.Contain("拨付失败：收款账户户名与账号不符").And.Contain("请核对收款账户信息");
    }

    private async Task<Guid> ApproveAsync(ApprovalFlows flows, HttpClient applicant)
    {
        var id = await flows.VerifiedClaimAsync(applicant: applicant);
        await ClaimApi.MustFireAsync(flows.Finance, await ClaimApi.GetAsync(flows.Finance, id), "approve");
        return id;
    }

    private static readonly Guid Batch = Guid.NewGuid();
    private static readonly Guid Payment = Guid.NewGuid();

    /// <summary>The service's own triggers (the notice sweep, the payout run, the bank's answer), fired as the jobs fire them.</summary>
    private async Task SystemAsync(Guid id, params ClaimTrigger[] triggers)
    {
        var transitions = fixture.App.Service<ClaimTransitions>();
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        foreach (var trigger in triggers)
        {
            await using var tx = await conn.BeginTransactionAsync();
            var reason = trigger == ClaimTrigger.PaymentFailed ? "收款账户户名与账号不符" : null;
            // The jobs fire these with what they did: the payment made, the bank's answer.
            TriggerData? data = trigger switch
            {
                ClaimTrigger.IncludeInPayout => new PayoutInclusionData(Batch, Payment, "SP-TEST", "4000.00"),
                ClaimTrigger.PaymentSucceeded or ClaimTrigger.PaymentFailed => new PaymentResultData(Batch, Payment, "SP-TEST", reason, "bank"),
                _ => null,
            };
            var fired = await transitions.FireAsSystemAsync(conn, tx, id, trigger, reason, data);
            fired.Succeeded.Should().BeTrue($"{trigger}: {fired.Refusal?.Message}");
            await tx.CommitAsync();
        }
    }
}
