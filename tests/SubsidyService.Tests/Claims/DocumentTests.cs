using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

public sealed class DocumentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0];

    public static MultipartFormDataContent Form(string? kind, byte[] content, string fileName, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    private async Task<long> StoredDocumentsAsync(Guid claimId)
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_documents WHERE claim_id = @claimId", new { claimId });
    }

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_comes_back_byte_for_byte()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);

        var response = await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", Form("judgment", Pdf, "../../判决书\u0000.pdf"));
        var doc = await ClaimApi.JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, doc.ToString());
        doc.GetProperty("sha256").GetString().Should().Be(Convert.ToHexString(SHA256.HashData(Pdf)).ToLowerInvariant());
        doc.GetProperty("fileName").GetString().Should().Be("判决书.pdf", "directories and control characters are dropped");

        var download = await verifier.GetAsync($"/api/v1/claims/{claim.Id()}/documents/{doc.GetProperty("id").GetGuid()}");
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);

        var history = (await ClaimApi.GetAsync(applicant, claim.Id())).GetProperty("history").EnumerateArray().Last();
        history.GetProperty("trigger").GetString().Should().Be("document_added");
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_nothing_is_stored()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var response = await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", Form("judgment", Elf, "判决书.pdf"));
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        (await StoredDocumentsAsync(claim.Id())).Should().Be(0);
    }

    [Fact]
    public async Task A_png_named_pdf_is_stored_as_what_it_is()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var doc = await ClaimApi.JsonAsync(await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", Form("invoice", Png, "发票.pdf")));
        doc.GetProperty("contentType").GetString().Should().Be("image/png");
        doc.GetProperty("fileName").GetString().Should().Be("发票.png");
    }

    [Fact]
    public async Task Too_large_too_many_and_unknown_kinds_are_refused()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var url = $"/api/v1/claims/{claim.Id()}/documents";

        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        await (await applicant.PostAsync(url, Form("judgment", big, "big.pdf"))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await applicant.PostAsync(url, Form("selfie", Pdf, "a.pdf"))).ShouldBeValidationProblemNamingAsync("kind");
        await (await applicant.PostAsync(url, Form(null, Pdf, "a.pdf"))).ShouldBeValidationProblemNamingAsync("kind");
        await (await applicant.PostAsync(url, new StringContent("not a form"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        for (var i = 0; i < 20; i++)
            (await applicant.PostAsync(url, Form("other", Pdf, $"{i}.pdf"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await applicant.PostAsync(url, Form("other", Pdf, "21.pdf"))).ShouldBeValidationProblemNamingAsync("file");
        (await StoredDocumentsAsync(claim.Id())).Should().Be(20);
    }

    [Fact]
    public async Task A_removed_document_disappears_from_the_claim_but_stays_in_history()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var doc = await ClaimApi.JsonAsync(await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", Form("judgment", Pdf, "a.pdf")));
        var url = $"/api/v1/claims/{claim.Id()}/documents/{doc.GetProperty("id").GetGuid()}";

        (await applicant.DeleteAsync(url)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await applicant.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var after = await ClaimApi.GetAsync(applicant, claim.Id());
        after.GetProperty("documents").GetArrayLength().Should().Be(0);
        after.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("document_removed");
    }

    [Fact]
    public async Task Documents_cannot_change_once_submitted()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, documents: false), "submit");
        await (await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", Form("judgment", Pdf, "a.pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_editable");
    }
}
