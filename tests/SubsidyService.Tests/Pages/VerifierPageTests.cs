using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

public sealed class VerifierPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_verifier_finds_a_submitted_claim_in_the_queue_starts_review_previews_and_verifies()
    {
        var fields = ClaimFormFields.Valid();
        var (applicant, verifier, id, page) = await SubmittedAsync(fields);

        var queue = await verifier.HtmlAsync("/Verifier");
        queue.Should().Contain(fields["caseNumber"]).And.Contain($"/Verifier/Claims/{id}");
        queue.Should().MatchRegex("class=\"num age\">\\d+ 个工作日");
        (await verifier.HtmlAsync("/Verifier?status=under_review")).Should().NotContain(fields["caseNumber"]);
        (await verifier.HtmlAsync("/Verifier?q=" + Uri.EscapeDataString(fields["caseNumber"]))).Should().Contain($"/Verifier/Claims/{id}");

        var html = await verifier.HtmlAsync(page);
        html.Should().Contain("判决书.pdf").And.Contain($"data-preview=\"{page}/Documents/").And.NotContain("<object", "the evidence opens on demand");
        html.Should().Contain("依据 2023年版（第十三项）").And.NotContain("2023-item13", "a policy version is called by its title, never its id");
        var reviewing = await verifier.FollowAsync(await Act(verifier, page, "Fire", html, new() { ["trigger"] = "start_review" }));
        reviewing.Should().Contain("st-under_review").And.Contain("确认核实").And.Contain("要求补正").And.Contain("驳回申请");

        var preview = await Act(verifier, page, "Preview", reviewing, new() { ["Input.FeeBase"] = "6000.00" });
        var previewHtml = await PageBrowser.HtmlOf(preview);
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        previewHtml.Should().Contain("preview-result").And.Contain("3,000.00 元").And.Contain("value=\"6000.00\"");

        var verified = await verifier.FollowAsync(await Act(verifier, page, "Verify", reviewing, new() { ["Input.FeeBase"] = "6000.00" }));
        verified.Should().Contain("st-verified").And.Contain("已核实，补助金额已按核实后的事实重新计算。申请已转财政局审批");
        (await applicant.HtmlAsync($"/Applicant/Claims/{id}")).Should().Contain("st-verified").And.Contain("3,000.00 元");
    }

    [Fact]
    public async Task A_claim_is_rejected_with_a_reason_code_and_a_missing_code_is_shown_under_its_field()
    {
        var (applicant, verifier, id, page) = await SubmittedAsync();
        var html = await verifier.HtmlAsync(page);

        var missing = await Act(verifier, page, "Reject", html, new() { ["Input.Reason"] = "判决书与案号不符" });
        missing.StatusCode.Should().Be(HttpStatusCode.OK);
        var missingHtml = await PageBrowser.HtmlOf(missing);
        missingHtml.Should().MatchRegex("name=\"Input.ReasonCode\"[\\s\\S]*?</select>\\s*<div class=\"field-error\" data-field=\"reasonCode\" id=\"err-reasonCode\">");
        missingHtml.Should().Contain("判决书与案号不符", "the reason typed is kept");
        missingHtml.Should().MatchRegex("name=\"Input.ReasonCode\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"err-reasonCode\"",
            "the select is tied to its message");
        missingHtml.Should().MatchRegex("<a href=\"#err-reasonCode\">[^<]+</a>", "the summary at the top links to it");

        var rejected = await verifier.FollowAsync(await Act(verifier, page, "Reject", html,
            new() { ["Input.ReasonCode"] = "evidence_insufficient", ["Input.Reason"] = "判决书与案号不符" }));
        rejected.Should().Contain("st-rejected").And.Contain("驳回原因：证明材料不足或不真实").And.Contain("判决书与案号不符");
        (await applicant.HtmlAsync($"/Applicant/Claims/{id}")).Should().Contain("st-rejected").And.Contain("判决书与案号不符");
    }

    [Fact]
    public async Task A_stale_page_gets_the_conflict_message_and_changes_nothing()
    {
        var (_, verifier, _, page) = await SubmittedAsync();
        var stale = await verifier.HtmlAsync(page);
        await verifier.FollowAsync(await Act(verifier, page, "Fire", stale, new() { ["trigger"] = "start_review" }));

        var post = await Act(verifier, page, "Reject", stale, new() { ["Input.ReasonCode"] = "other", ["Input.Reason"] = "重复" });

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().Contain("该申请已被他人更新，请刷新后重试").And.Contain("st-under_review");
    }

    [Fact]
    public async Task A_supplement_request_with_ticked_defects_is_shown_prominently_to_the_applicant()
    {
        var (applicant, verifier, id, page) = await SubmittedAsync();
        var html = await verifier.FollowAsync(await Act(verifier, page, "Fire", await verifier.HtmlAsync(page), new() { ["trigger"] = "start_review" }));

        var noReason = await Act(verifier, page, "Supplement", html, new() { ["Input.Defects"] = "缺少维权代理合同" });
        (await PageBrowser.HtmlOf(noReason)).Should().Contain("data-field=\"reason\"");

        using var form = new FormUrlEncodedContent(new[]
        {
            KeyValuePair.Create("Input.Version", PageBrowser.VersionOn(html).ToString()),
            KeyValuePair.Create("Input.Defects", "缺少维权代理合同"),
            KeyValuePair.Create("Input.Defects", "缺少判决生效证明"),
            KeyValuePair.Create("Input.OtherDefect", "发票复印件不清晰"),
            KeyValuePair.Create("Input.Reason", "请补充以下材料后重新提交"),
            KeyValuePair.Create("__RequestVerificationToken", Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
        });
        await verifier.FollowAsync(await verifier.Client.PostAsync(page + "?handler=Supplement", form));

        var seen = await applicant.HtmlAsync($"/Applicant/Claims/{id}");
        seen.Should().Contain("class=\"supplement\"").And.Contain("请补充以下材料后重新提交")
            .And.Contain("<li>缺少维权代理合同</li>").And.Contain("<li>缺少判决生效证明</li>").And.Contain("<li>发票复印件不清晰</li>")
            .And.Contain($"/Applicant/Claims/{id}/Edit");
    }

    [Fact]
    public async Task A_register_upload_reports_counts_and_a_bad_file_lists_its_rows()
    {
        var fields = ClaimFormFields.Valid();
        var (applicant, verifier, id, page) = await SubmittedAsync(fields);
        const string header = "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n";

        var bad = await verifier.PostFileAsync("/Verifier/Registers", "/Verifier/Registers", [], "register.csv",
            Encoding.UTF8.GetBytes(header + "市市场监管局,市级,张明,,（2024）浙02民初1号,abc,2024-06-01,专利资助\n,,,,,,,\n"), "text/csv");
        var badHtml = await PageBrowser.HtmlOf(bad);
        badHtml.Should().Contain("第 2 行").And.Contain("第 3 行").And.Contain("未导入任何行");

        var good = await verifier.PostFileAsync("/Verifier/Registers", "/Verifier/Registers", [], "register.csv",
            Encoding.UTF8.GetBytes(header + $"市市场监管局,市级,张明,,{fields["caseNumber"]},3000.00,2024-06-01,专利资助\n"), "text/csv");
        var goodHtml = await PageBrowser.HtmlOf(good);
        goodHtml.Should().MatchRegex("已导入 <strong>1</strong> 行，与 <strong>1</strong> 件");
        goodHtml.Should().Contain($"/Verifier/Claims/{id}");

        var claim = await verifier.HtmlAsync(page);
        claim.Should().Contain("外部资助名录匹配").And.Contain("名录行编号");
        (await verifier.HtmlAsync("/Verifier")).Should().Contain("class=\"count-flag\"");
    }

    /// <summary>A claim an applicant submitted through the pages, and a verifier signed in to review it.</summary>
    private async Task<(PageBrowser Applicant, PageBrowser Verifier, Guid Id, string Page)> SubmittedAsync(Dictionary<string, string>? fields = null)
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.SubmittedClaimAsync(applicant, fields);
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        return (applicant, verifier, id, $"/Verifier/Claims/{id}");
    }

    /// <summary>Posts one of the claim page's action forms with the version the page was drawn at.</summary>
    private static Task<HttpResponseMessage> Act(PageBrowser verifier, string page, string handler, string drawnFrom, Dictionary<string, string> fields)
    {
        fields["Input.Version"] = PageBrowser.VersionOn(drawnFrom).ToString();
        return verifier.PostAsync(page, $"{page}?handler={handler}", fields);
    }
}
