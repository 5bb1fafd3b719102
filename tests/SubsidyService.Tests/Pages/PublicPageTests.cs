using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

public sealed class PublicPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Anonymous() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_public_notice_lists_approved_claims_without_sign_in_a_persons_name_masked_a_companys_in_full()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var person = await flows.ApprovedClaimAsync(ApprovalFlows.Named("欧阳明华"));
        var company = await flows.ApprovedClaimAsync(ApprovalFlows.Named("某某精密机械有限公司", enterprise: true));
        var notYet = await flows.VerifiedClaimAsync(ApprovalFlows.Named("李未批"));

        var response = await Anonymous().GetAsync("/Notice");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(response);

        Row(html, CaseOf(person)).Should().Contain(">欧***</td>").And.Contain("4,000.00 元");
        html.Should().NotContain("欧阳明华").And.NotContain("李未批");
        Row(html, CaseOf(company)).Should().Contain(">某某精密机械有限公司</td>");
        html.Should().Contain("对公示内容有异议的，可在公示期内向县市场监督管理局（知识产权局）书面提出并提供证据");
        var noticeEnds = person.GetProperty("noticeEndsOn").GetString()!;
        Row(html, CaseOf(person)).Should().Contain(SubsidyService.Pages.Claims.ClaimText.ChineseDate(noticeEnds));
        // Newest first: the company's approval came after the person's.
        html.IndexOf(CaseOf(company), StringComparison.Ordinal).Should().BeLessThan(html.IndexOf(CaseOf(person), StringComparison.Ordinal));
        _ = notYet;
    }

    [Fact]
    public async Task The_public_notice_query_walks_its_partial_index()
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        // On a table this small the planner would scan it whole; forbid that to see which index it can use.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        var sql = "EXPLAIN " + ClaimNotices.PublicNoticeSql.Replace("@limit", "20").Replace("@offset", "0");
        await using var explain = new NpgsqlCommand(sql, conn);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        string.Join("\n", plan).Should().Contain("claims_notice_due");
    }

    [Fact]
    public async Task The_letter_verify_page_tells_genuine_forged_unknown_and_revoked_letters_apart()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var number = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var sha256 = approved.GetProperty("letter").GetProperty("sha256").GetString()!;
        var client = Anonymous();

        async Task<string> Verify(string query)
        {
            var response = await client.GetAsync("/Letters/Verify" + query);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return await PageBrowser.HtmlOf(response);
        }

        var genuine = await Verify($"?number={Uri.EscapeDataString(number)}&sha256={sha256}");
        genuine.Should().Contain("verdict-genuine").And.Contain("真实有效").And.Contain("文件指纹与登记的一致")
            .And.Contain("<dt>补助金额</dt><dd>4,000.00 元</dd>").And.Contain("补助核准通知书");
        var typed = number.Replace('〔', '[').Replace('〕', ']');
        (await Verify($"?number={Uri.EscapeDataString(" " + typed + " ")}&sha256={sha256}")).Should().Contain("verdict-genuine", "[ ] stand for 〔〕 typed by hand");

        (await Verify($"?number={Uri.EscapeDataString(number)}&sha256={new string('0', 64)}")).Should().Contain("verdict-unknown").And.Contain("核验未通过")
            .And.NotContain("补助金额");
        (await Verify("?number=" + Uri.EscapeDataString("知补〔1999〕第9999号") + $"&sha256={sha256}")).Should().Contain("verdict-unknown").And.Contain("核验未通过");
        (await Verify($"?number={Uri.EscapeDataString(number)}")).Should().Contain("仅凭编号不予核验").And.NotContain("class=\"card verdict");
        (await Verify($"?number={Uri.EscapeDataString(number)}&sha256=abc")).Should().Contain("64 位十六进制字符").And.NotContain("class=\"card verdict");
        (await Verify("")).Should().Contain("输入决定书编号").And.NotContain("class=\"card verdict");

        await ClaimApi.MustFireAsync(flows.Finance, approved, "object", reason: "公示期内收到异议");
        var revoked = await Verify($"?number={Uri.EscapeDataString(number)}&sha256={sha256}");
        revoked.Should().Contain("verdict-revoked").And.Contain("已撤销").And.Contain("<dt>状态</dt><dd>已撤销</dd>")
            .And.NotContain("公示期内收到异议", "staff's words stay inside");
    }

    [Fact]
    public async Task The_home_page_and_the_navigation_link_the_notice_and_the_verification()
    {
        var html = await PageBrowser.HtmlOf(await Anonymous().GetAsync("/"));
        html.Should().Contain("<a href=\"/Notice\">补助公示</a>").And.Contain("href=\"/Letters/Verify\"");
    }

    private static string CaseOf(System.Text.Json.JsonElement claim) => claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;

    private static string Row(string html, string caseNumber)
    {
        var row = Regex.Match(html, $"<tr>(?:(?!</tr>)[\\s\\S])*?<td[^>]*>{Regex.Escape(caseNumber)}</td>[\\s\\S]*?</tr>").Value;
        row.Should().NotBeEmpty($"the notice should list {caseNumber}");
        return row;
    }
}
