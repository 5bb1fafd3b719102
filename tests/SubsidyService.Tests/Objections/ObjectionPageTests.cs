using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Objections;

/// <summary>The objection pages: where to object on the public notice, the staff claim page's forms, the auditors' list.</summary>
public sealed class ObjectionPageTests
{
    private const string Contact = "电话 0571-87650000；地址：某县人民路 8 号知识产权科";

    [Fact]
    public async Task The_notice_says_where_to_object_staff_record_and_answer_on_the_claim_page_and_auditors_see_the_outcome()
    {
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), clock,
            new Dictionary<string, string?> { ["Authority:ObjectionContact"] = Contact });
        var s = await ApprovalSetup.StartAsync(app);
        await s.SetBudgetAsync(clock.Today().Year, "100000.00");
        var claim = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");

        var notice = await PageBrowser.HtmlOf(await app.CreateClient().GetAsync("/Notice"));
        notice.Should().Contain("异议受理：" + Contact);
        notice.Should().Contain("公示开始日期").And.Contain(ClaimText.ChineseDate(clock.Today()))
            .And.Contain(ClaimText.ChineseDate(claim.GetProperty("noticeEndsOn").GetString()!));

        var finance = await PageBrowser.SignInAsync(app, Roles.Finance);
        var page = $"/Finance/Claims/{claim.Id()}";
        (await finance.HtmlAsync(page)).Should().Contain("id=\"objection-record\"");
        var action = $"/Objections/Claim/{claim.Id()}?handler=Record&back={page}";

        var empty = await finance.PostAsync(page, action, new() { ["Objector"] = "王小明", ["Contact"] = "13912345678", ["Content"] = "" });
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await PageBrowser.HtmlOf(empty);
        refused.Should().Contain("data-field=\"content\"").And.Contain("value=\"王小明\"", "a refused form keeps what was typed");

        var recorded = await finance.PostAsync(page, action, new() { ["Objector"] = "王小明", ["Contact"] = "13912345678", ["Content"] = "申请人已获市级同类资助。" });
        recorded.Headers.Location!.ToString().Should().Be(page);
        var after = await finance.FollowAsync(recorded);
        after.Should().Contain("已登记异议").And.Contain("申请人已获市级同类资助。").And.Contain("答复并驳回异议");

        var objection = (await ClaimApi.JsonAsync(await s.Auditor.GetAsync($"/api/v1/objections?claimId={claim.Id()}"))).EnumerateArray().Single();
        var dismiss = $"/Objections/Claim/{claim.Id()}?handler=Dismiss&objectionId={objection.GetProperty("id").GetGuid()}&back={page}";
        (await PageBrowser.HtmlOf(await finance.PostAsync(page, dismiss, new() { ["Reply"] = "" }))).Should().Contain("data-field=\"reply\"");
        var dismissed = await finance.PostAsync(page, dismiss, new() { ["Reply"] = "经核查，市级资助为专利授权奖励，不属同类。" });
        (await finance.FollowAsync(dismissed)).Should().Contain("已答复并驳回异议").And.Contain("不属同类");

        var auditor = await PageBrowser.SignInAsync(app, Roles.Auditor);
        var list = await auditor.HtmlAsync("/Auditor/Objections");
        list.Should().Contain("王小明").And.Contain("13912345678").And.Contain("已答复驳回").And.Contain("不属同类");
        (await auditor.HtmlAsync("/Auditor/Objections?outcome=sustained")).Should().NotContain("王小明");

        // The applicant's own claim page names no objector.
        var applicant = await s.Applicant.GetStringAsync($"/api/v1/claims/{claim.Id()}");
        applicant.Should().NotContain("王小明").And.NotContain("13912345678");
    }
}
