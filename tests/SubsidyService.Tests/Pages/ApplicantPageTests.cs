using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

public sealed class ApplicantPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_applicant_creates_a_claim_uploads_a_pdf_and_submits_it_through_the_pages()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        var id = await PageFlows.CreateClaimAsync(applicant, fields);

        var list = await applicant.HtmlAsync("/Applicant");
        list.Should().Contain(fields["caseNumber"]).And.Contain("草稿").And.Contain("4,000.00 元").And.Contain("新建申请");

        var details = await PageFlows.UploadPdfAsync(applicant, id);
        details.Should().Contain("判决书.pdf").And.Contain("已上传");
        var file = await applicant.Client.GetAsync($"/Applicant/Claims/{id}/Documents/{DocumentId(details)}");
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");

        details.Should().Contain("name=\"trigger\" value=\"submit\"").And.Contain("name=\"trigger\" value=\"withdraw\"")
            .And.Contain($"/Applicant/Claims/{id}/Edit");
        var submitted = await applicant.FollowAsync(
            await PageFlows.FireAsync(applicant, $"/Applicant/Claims/{id}", "submit", PageBrowser.VersionOn(details)));
        submitted.Should().MatchRegex("已受理，受理编号 \\d{4}-\\d{6}，审核时限 20 个工作日").And.Contain("st-submitted").And.NotContain($"/Applicant/Claims/{id}/Edit");
        submitted.Should().NotContain("value=\"submit\"", "only the permitted triggers get buttons");
    }

    [Fact]
    public async Task A_bad_id_number_is_shown_under_its_field_and_the_form_keeps_what_was_typed()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        fields["idNumber"] = "330102198001011230";
        fields["invoices[0].number"] = "12";

        var post = await applicant.PostAsync("/Applicant/Claims/New", "/Applicant/Claims/New", fields);

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().MatchRegex("name=\"idNumber\"[^>]*aria-invalid=\"true\" aria-describedby=\"err-idNumber\"[^>]*/>\\s*<div class=\"field-error\" data-field=\"idNumber\" id=\"err-idNumber\">居民身份证号码不正确");
        html.Should().MatchRegex("<div class=\"problem error-summary\" role=\"alert\"[\\s\\S]*?<a href=\"#err-idNumber\">居民身份证号码不正确[\\s\\S]*?<a href=\"#err-invoices-0-number\">第 1 张发票：发票号码");
        html.Should().Contain("data-field=\"invoices[0].number\"");
        html.Should().Contain(fields["caseNumber"], "what was typed is kept");
    }

    [Fact]
    public async Task The_claim_form_marks_its_required_fields_and_says_what_the_mark_means()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var html = await applicant.HtmlAsync("/Applicant/Claims/New");
        html.Should().Contain("<p class=\"required-legend\"><span class=\"req\">*</span>为必填项</p>");
        foreach (var id in new[] { "name", "idNumber", "caseNumber", "court", "judgmentEffectiveDate", "agencyFee", "bankName", "accountNumber" })
            html.Should().MatchRegex($"<input type=\"(text|date)\" id=\"{id}\" required aria-required=\"true\"", id);
        html.Should().Contain("申请人在本案中的地位<span class=\"req\" aria-hidden=\"true\">*</span>")
            .And.Contain("维权代理费（元）<span class=\"req\" aria-hidden=\"true\">*</span>");
        html.Should().NotContain("aria-invalid", "nothing is wrong before the first post");
    }

    [Fact]
    public async Task A_duplicate_submission_shows_the_services_chinese_detail_at_the_top()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var first = ClaimFormFields.Valid();
        await PageFlows.SubmittedClaimAsync(applicant, first);
        var second = ClaimFormFields.Valid(first["caseNumber"], first["idNumber"]);
        var id = await PageFlows.CreateClaimAsync(applicant, second);
        var page = $"/Applicant/Claims/{id}";

        var post = await PageFlows.FireAsync(applicant, page, "submit", PageBrowser.VersionOn(await applicant.HtmlAsync(page)));

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().MatchRegex("<div class=\"problem\" role=\"alert\">[^<]*(重复|已有|只能申请一次)[^<]*</div>");
        html.Should().Contain("st-draft", "a refused submission changes nothing");
    }

    [Fact]
    public async Task An_applicant_edits_a_draft_and_the_estimate_follows()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        var id = await PageFlows.CreateClaimAsync(applicant, fields);
        var edit = await applicant.HtmlAsync($"/Applicant/Claims/{id}/Edit");
        edit.Should().Contain(fields["caseNumber"]).And.Contain("value=\"6222021234567890\"");

        fields["agencyFee"] = "6000.00";
        fields["invoices[0].amount"] = "6000.00";
        fields["expectedVersion"] = "1";
        var saved = await applicant.FollowAsync(await applicant.PostAsync($"/Applicant/Claims/{id}/Edit", $"/Applicant/Claims/{id}/Edit", fields));

        saved.Should().Contain("修改已保存").And.Contain("3,000.00 元");
    }

    [Fact]
    public async Task An_applicant_cannot_open_another_applicants_claim_nor_the_verifier_pages()
    {
        var owner = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(owner);
        var other = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);

        (await other.Client.GetAsync($"/Applicant/Claims/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Client.GetAsync($"/Applicant/Claims/{id}/Edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.HtmlAsync("/Applicant")).Should().NotContain(id.ToString());
        foreach (var path in new[] { "/Verifier", $"/Verifier/Claims/{id}", "/Verifier/Registers" })
        {
            var denied = await other.Client.GetAsync(path);
            denied.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            denied.Headers.Location!.ToString().Should().Contain("/Account/Denied");
        }
    }

    private static string DocumentId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "/Documents/([0-9a-f-]{36})").Groups[1].Value;
}
