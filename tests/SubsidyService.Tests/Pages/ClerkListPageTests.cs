using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>The list pages as a clerk works them all day: counts, filters that filter, sorts that sort, and the list as CSV.</summary>
public sealed class ClerkListPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task The_verifier_queue_exports_what_it_shows_as_csv_with_a_bom_and_chinese_headers_and_only_to_verifiers()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var name = Unique("队列");
        var submitted = await SubmittedAsync(flows, name + "甲", "3000.00");
        var verified = await flows.VerifiedClaimAsync(ApprovalFlows.Named(name + "乙"));
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);

        var response = await verifier.Client.GetAsync($"/Verifier?handler=Csv&q={Uri.EscapeDataString(name)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Bom);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes));
        rows[0].Fields.Should().StartWith(["状态", "案号", "申请人", "补助金额（元）"]);
        rows.Skip(1).Should().ContainSingle("the queue's default filter is the waiting claims, and the export keeps it");
        rows[1].Fields.Should().Contain("已提交").And.Contain(name + "甲").And.Contain("1500.00").And.Contain(submitted.ToString());

        var all = Csv.Parse(Encoding.UTF8.GetString(await verifier.Client.GetByteArrayAsync($"/Verifier?handler=Csv&status=&q={Uri.EscapeDataString(name)}")));
        all.Skip(1).Select(r => r.Fields[^1]).Should().BeEquivalentTo([submitted.ToString(), verified.ToString()]);

        var page = await verifier.HtmlAsync($"/Verifier?status=&q={Uri.EscapeDataString(name)}");
        page.Should().Contain("申请共 <strong>2</strong> 件").And.Contain("href=\"/Verifier?status=&q=");
        page.Should().Contain("导出 CSV").And.Contain("handler=Csv");
        page.Should().MatchRegex("<a class=\"count-card[^\"]*\" href=\"[^\"]*status=submitted,under_review[^\"]*\"[^>]*>\\s*<span class=\"count\">\\d+</span><span>待办");

        foreach (var role in new[] { Roles.Applicant, Roles.Finance, Roles.Auditor })
        {
            var other = await PageBrowser.SignInAsync(fixture.App, role);
            var denied = await other.Client.GetAsync("/Verifier?handler=Csv");
            denied.StatusCode.Should().Be(HttpStatusCode.Redirect, role);
            denied.Headers.Location!.ToString().Should().Contain("/Account/Denied");
        }
        var anonymous = await fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/Auditor?handler=Csv");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task The_auditor_sorts_by_amount_both_ways_and_the_export_keeps_filter_and_order()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var name = Unique("排序");
        var small = await SubmittedAsync(flows, name + "小", "2000.00");
        var large = await SubmittedAsync(flows, name + "大", "9000.00");
        var middle = await SubmittedAsync(flows, name + "中", "5000.00");
        var auditor = await PageBrowser.SignInAsync(fixture.App, Roles.Auditor);
        var filter = "applicant=" + Uri.EscapeDataString(name);

        var ascending = await auditor.HtmlAsync($"/Auditor?{filter}&sort=amount");
        Order(ascending, small, middle, large).Should().BeInAscendingOrder();
        ascending.Should().Contain("aria-sort=\"ascending\"").And.Contain("1,000.00 元").And.Contain("4,500.00 元");
        var descending = await auditor.HtmlAsync($"/Auditor?{filter}&sort=-amount");
        Order(descending, large, middle, small).Should().BeInAscendingOrder();
        descending.Should().Contain("aria-sort=\"descending\"");
        // The header of the sorted column offers the other direction, keeping the filter.
        descending.Should().Contain($"href=\"/Auditor?{filter}&sort=amount\"");

        var csv = Csv.Parse(Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync($"/Auditor?handler=Csv&{filter}&sort=-amount")));
        csv.Skip(1).Select(r => r.Fields[^1]).Should().Equal(large.ToString(), middle.ToString(), small.ToString());
        csv[1].Fields[4].Should().Be("4500.00", "amounts stay plain numbers for the spreadsheet");
        var byName = Csv.Parse(Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync($"/Auditor?handler=Csv&{filter}&min=2000&sort=applicant")));
        byName.Skip(1).Select(r => r.Fields[2]).Should().Equal(new[] { name + "大", name + "中" }, "by pinyin: da before zhong; 小 (1,000) is filtered out");

        var bad = await auditor.HtmlAsync($"/Auditor?{filter}&sort=password");
        bad.Should().Contain("无法按“password”排序");
        (await auditor.Client.GetAsync($"/Auditor?handler=Csv&sort=drop%20table")).Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task The_finance_list_filters_by_status_and_applicant_counts_each_status_and_exports_the_same_rows()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var name = Unique("财务");
        var approved = (await flows.ApprovedClaimAsync(ApprovalFlows.Named(name + "甲"))).Id();
        var verified = await flows.VerifiedClaimAsync(ApprovalFlows.Named(name + "乙"));
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var applicant = Uri.EscapeDataString(name);

        var notice = await finance.HtmlAsync($"/Finance/Claims?status=in_public_notice&applicant={applicant}");
        notice.Should().Contain($"/Finance/Claims/{approved}").And.NotContain($"/Finance/Claims/{verified}");
        notice.Should().Contain("符合条件的申请共 <strong>1</strong> 件");
        notice.Should().MatchRegex("<span class=\"count\">[1-9]\\d*</span><span>公示中</span>");
        notice.Should().MatchRegex($"<td[^>]*class=\"nowrap\">\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日</td>", "dates are written the Chinese way");

        var csv = Csv.Parse(Encoding.UTF8.GetString(await finance.Client.GetByteArrayAsync($"/Finance/Claims?handler=Csv&status=in_public_notice&applicant={applicant}")));
        csv.Should().HaveCount(2);
        csv[1].Fields[0].Should().Be("公示中");
        csv[1].Fields[9].Should().StartWith("县知补");
        csv[1].Fields[^1].Should().Be(approved.ToString());

        var queue = await finance.HtmlAsync("/Finance");
        queue.Should().Contain("/Finance/Claims?status=verified&sort=verified&handler=Csv");
        var none = await finance.HtmlAsync($"/Finance/Claims?status=paid&applicant={applicant}");
        none.Should().Contain($"没有名称含“{name}”的“已拨付”申请").And.Contain("清空申请人名称");
    }

    [Fact]
    public async Task An_applicant_filters_and_exports_only_their_own_claims_and_a_new_applicant_is_told_what_to_do()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var mine = await ClaimApi.CreateAsync(flows.Applicant);
        var submitted = await SubmittedAsync(flows, "张明", "4000.00");
        var stranger = await ApprovalFlows.StartAsync(fixture.App);
        var theirs = await SubmittedAsync(stranger, "李四", "4000.00");
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);

        var fresh = await applicant.HtmlAsync("/Applicant");
        fresh.Should().Contain("您还没有补助申请。").And.Contain("href=\"/Applicant/Claims/New\"").And.Contain("href=\"/Estimate\"");

        // The API client's applicant is another account than the page's; take the page applicant through the pages instead.
        var draft = await PageFlows.CreateClaimAsync(applicant);
        var sent = await PageFlows.SubmittedClaimAsync(applicant);
        var drafts = await applicant.HtmlAsync("/Applicant?status=draft");
        drafts.Should().Contain($"/Applicant/Claims/{draft}").And.NotContain($"/Applicant/Claims/{sent}");
        drafts.Should().MatchRegex("<span class=\"count\">2</span><span>全部</span>");
        var csv = Csv.Parse(Encoding.UTF8.GetString(await applicant.Client.GetByteArrayAsync("/Applicant?handler=Csv")));
        csv.Skip(1).Select(r => r.Fields[^1]).Should().BeEquivalentTo([draft.ToString(), sent.ToString()]);
        csv.SelectMany(r => r.Fields).Should().NotContain(new[] { mine.Id().ToString(), submitted.ToString(), theirs.ToString() });
        (await applicant.HtmlAsync("/Applicant?status=paid")).Should().Contain("暂无“已拨付”的申请。");
    }

    [Fact]
    public async Task The_admin_counts_accounts_by_role_filters_sorts_and_exports_them()
    {
        var admin = await PageBrowser.SignInAsync(fixture.App, Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await fixture.App.CreateUserAsync(Roles.Auditor, $"zz.audit.{tag}");
        await fixture.App.CreateUserAsync(Roles.Auditor, $"aa.audit.{tag}");
        await fixture.App.CreateUserAsync(Roles.Finance, $"mm.fin.{tag}");

        var auditors = await admin.HtmlAsync($"/Admin?accountRole=auditor&q={tag}&sort=-username");
        auditors.Should().Contain($"zz.audit.{tag}").And.Contain($"aa.audit.{tag}").And.NotContain($"mm.fin.{tag}");
        auditors.IndexOf($"zz.audit.{tag}", StringComparison.Ordinal).Should().BeLessThan(auditors.IndexOf($"aa.audit.{tag}", StringComparison.Ordinal));
        auditors.Should().Contain("符合条件的账户共 <strong>2</strong> 个");
        auditors.Should().MatchRegex("<span class=\"count\">[1-9]\\d*</span><span>审计</span>");

        var csv = Csv.Parse(Encoding.UTF8.GetString(await admin.Client.GetByteArrayAsync($"/Admin?handler=Csv&accountRole=auditor&q={tag}&sort=username")));
        csv[0].Fields.Should().Equal("用户名", "姓名", "角色", "电子邮箱", "状态", "开设时间");
        csv.Skip(1).Select(r => r.Fields[0]).Should().Equal($"aa.audit.{tag}", $"zz.audit.{tag}");
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        (await verifier.Client.GetAsync("/Admin?handler=Csv")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await admin.HtmlAsync("/Admin?sort=password_hash")).Should().Contain("无法按“password_hash”排序", "only the listed sorts reach SQL");
        var second = await admin.HtmlAsync($"/Admin?accountRole=auditor&q={tag}&sort=username&p=2");
        second.Should().NotContain($"aa.audit.{tag}").And.NotContain($"zz.audit.{tag}").And.Contain("符合条件的账户共 <strong>2</strong> 个");
    }

    [Fact]
    public async Task The_claim_page_shows_a_timeline_offers_print_and_opens_the_evidence_only_on_demand()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.SubmittedClaimAsync(applicant);
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var page = await verifier.HtmlAsync($"/Verifier/Claims/{id}");

        var timeline = Regex.Match(page, "<ol class=\"timeline\">[\\s\\S]*?</ol>").Value;
        timeline.Should().MatchRegex("<time class=\"when\" datetime=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\">\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}</time>");
        timeline.IndexOf("创建草稿", StringComparison.Ordinal).Should().BeLessThan(timeline.IndexOf("上传材料", StringComparison.Ordinal));
        timeline.IndexOf("上传材料", StringComparison.Ordinal).Should().BeLessThan(timeline.IndexOf("草稿 → <b>已提交</b>", StringComparison.Ordinal));
        timeline.Should().Contain("<span class=\"tl-role\">申请人</span>");

        page.Should().NotContain("<object").And.NotContain("<iframe").And.NotContain("<embed");
        page.Should().Contain($"data-preview=\"/Verifier/Claims/{id}/Documents/").And.Contain("/js/document-preview.js");
        page.Should().Contain("data-print").And.Contain("/js/print.js").And.Contain("class=\"print-only print-head\"");

        var css = await verifier.Client.GetStringAsync("/css/site.css");
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        print.Should().Contain(".topbar").And.Contain("form").And.Contain("button").And.Contain(".actions-card").And.Contain("display: none");
        print.Should().Contain("color: #000").And.Contain(".print-only { display: block; }");
        (await verifier.Client.GetStringAsync("/js/document-preview.js")).Should().Contain("createElement('object')");
    }

    [Fact]
    public async Task The_home_page_explains_the_steps_and_the_materials_once_and_links_the_notice()
    {
        var html = await PageBrowser.HtmlOf(await fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/"));
        var steps = Regex.Match(html, "<ol class=\"steps\">[\\s\\S]*?</ol>").Value;
        steps.Should().NotBeEmpty();
        new[] { "申报", "审核", "公示", "拨付" }.Select(s => steps.IndexOf($"<strong>{s}</strong>", StringComparison.Ordinal))
            .Should().OnlyContain(i => i >= 0).And.BeInAscendingOrder();
        steps.Should().Contain("href=\"/Notice\"").And.Contain("5 个工作日");
        html.Should().Contain("需要准备的材料（一次告知）");
        foreach (var material in new[] { "判决书", "代理合同", "代理费发票", "身份证明", "收款账户", "其他资助情况" })
            html.Should().Contain(material);
        html.Should().Contain("不超过 5,000 元");
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A submitted claim of a natural person by this name whose fee (and invoice) is this amount.</summary>
    private static async Task<Guid> SubmittedAsync(ApprovalFlows flows, string name, string fee)
    {
        var claim = await ClaimApi.CreateAsync(flows.Applicant, body =>
        {
            body["name"] = name;
            body["agencyFee"] = fee;
            ((List<object>)body["invoices"]!)[0] = Policy.EstimateFacts.Invoice(
                number: Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(), amount: fee);
        });
        return (await ClaimApi.MustFireAsync(flows.Applicant, claim, "submit")).Id();
    }

    private static IEnumerable<int> Order(string html, params Guid[] ids) =>
        ids.Select(id => html.IndexOf($"/Auditor/Claims/{id}", StringComparison.Ordinal)).Should().OnlyContain(i => i >= 0).And.Subject;
}
