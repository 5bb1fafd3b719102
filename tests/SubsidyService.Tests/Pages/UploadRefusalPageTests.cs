using System.Net;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>A refused upload on the claim page comes back to the claim with the reason under the file field, never a bare error page.</summary>
public sealed class UploadRefusalPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string TooLarge = "文件过大：单个文件不能超过 10 MB";

    [Fact]
    public async Task A_fifty_megabyte_upload_is_sent_back_to_the_claim_page_with_the_limit_in_words()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var page = $"/Applicant/Claims/{id}";

        var post = await applicant.PostFileAsync(page, page + "?handler=Upload", new() { ["kind"] = "judgment" },
            "判决书.pdf", Pdf(50 * 1024 * 1024), "application/pdf");

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        post.Headers.Location!.ToString().Should().Be(page);
        var html = await applicant.HtmlAsync(page);
        html.Should().Contain(TooLarge);
        html.Should().MatchRegex("name=\"file\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"err-file\"");
        html.Should().MatchRegex("<a href=\"#err-file\">文件过大");
        (await DocumentCountAsync(id)).Should().Be(0);

        (await applicant.HtmlAsync(page)).Should().NotContain(TooLarge, "the reason is shown once");
    }

    [Fact]
    public async Task Only_a_signed_in_applicants_oversized_upload_is_read_and_answered_with_the_way_back()
    {
        var owner = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(owner);
        var page = $"/Applicant/Claims/{id}";

        using var anonymous = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new MultipartFormDataContent { { new StringContent("judgment"), "kind" }, { new ByteArrayContent(Pdf(50 * 1024 * 1024)), "file", "判决书.pdf" } };
        var post = await anonymous.PostAsync(page + "?handler=Upload", form);
        post.StatusCode.Should().NotBe(HttpStatusCode.SeeOther, "a stranger's body is not drained for a way back to someone's claim");
        post.Headers.Location?.ToString().Should().NotBe(page);
        (await DocumentCountAsync(id)).Should().Be(0);
    }

    [Fact]
    public async Task A_file_just_over_ten_megabytes_is_refused_on_the_page_by_the_service()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var page = $"/Applicant/Claims/{id}";

        var post = await applicant.PostFileAsync(page, page + "?handler=Upload", new() { ["kind"] = "judgment" },
            "判决书.pdf", Pdf(10 * 1024 * 1024 + 1), "application/pdf");

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().Contain("单个文件不能超过 10 MB").And.Contain("id=\"err-file\"").And.Contain("st-draft");
        (await DocumentCountAsync(id)).Should().Be(0);
    }

    [Fact]
    public async Task A_file_that_is_no_pdf_png_or_jpeg_is_refused_under_the_file_field()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var page = $"/Applicant/Claims/{id}";

        var post = await applicant.PostFileAsync(page, page + "?handler=Upload", new() { ["kind"] = "judgment" },
            "判决书.pdf", "MZ\x90\0 not a pdf at all"u8.ToArray(), "application/pdf");

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().MatchRegex("<div class=\"field-error\" data-field=\"file\" id=\"err-file\">只接受 PDF、PNG 或 JPEG");
        html.Should().MatchRegex("name=\"file\"[^>]*aria-invalid=\"true\"");
        (await DocumentCountAsync(id)).Should().Be(0);
    }

    [Fact]
    public async Task The_file_field_carries_the_limit_and_types_for_the_browser_check()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var html = await applicant.HtmlAsync($"/Applicant/Claims/{id}");
        html.Should().Contain("data-max-bytes=\"10485760\"").And.Contain("data-types=\"application/pdf,image/png,image/jpeg\"")
            .And.Contain("/js/upload-check.js").And.Contain("不超过 10 MB");
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        ClaimFormFields.Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    private async Task<long> DocumentCountAsync(Guid id)
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_documents WHERE claim_id = @id", new { id });
    }
}
