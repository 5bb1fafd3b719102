using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>The holes a review found, each shown closed.</summary>
public sealed class SecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_downloads_are_not_sniffed()
    {
        using var client = fixture.App.CreateClient();
        var page = await client.GetAsync("/Estimate");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'");
        page.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        page.Headers.GetValues("Referrer-Policy").Single().Should().Be("same-origin");
        page.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        page.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS only over HTTPS");

        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var doc = await ClaimApi.JsonAsync(await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", DocumentTests.Form("judgment", DocumentTests.Pdf, "a.pdf")));
        var download = await applicant.GetAsync($"/api/v1/claims/{claim.Id()}/documents/{doc.GetProperty("id").GetGuid()}");
        download.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task An_identity_document_is_seen_by_its_owner_and_the_verifiers_only()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (finance, _) = await fixture.App.ClientAsAsync(Roles.Finance);
        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var doc = await ClaimApi.JsonAsync(await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", DocumentTests.Form("id_proof", DocumentTests.Pdf, "身份证.pdf")));
        var url = $"/api/v1/claims/{claim.Id()}/documents/{doc.GetProperty("id").GetGuid()}";

        (await applicant.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await verifier.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await finance.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditor.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ClaimApi.GetAsync(finance, claim.Id())).GetProperty("documents").GetArrayLength().Should().Be(0);
        (await ClaimApi.GetAsync(verifier, claim.Id())).GetProperty("documents").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_huge_page_number_is_a_400_naming_page()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        await (await verifier.GetAsync("/api/v1/claims?page=2000000000")).ShouldBeValidationProblemNamingAsync("page");
    }

    [Fact]
    public async Task A_register_upload_is_refused_for_other_roles_before_it_is_read_and_over_the_limit_with_413()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var big = new byte[21 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        (await applicant.PostAsync("/api/v1/registers/external-funding", new ByteArrayContent(big))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await verifier.PostAsync("/api/v1/registers/external-funding", new ByteArrayContent(big)))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var chunked = new StreamContent(new MemoryStream(big));
        chunked.Headers.ContentLength = null;
        (await verifier.PostAsync("/api/v1/registers/external-funding", chunked)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var form = DocumentTests.Form(null, big, "register.csv", "text/csv");
        (await verifier.PostAsync("/api/v1/registers/external-funding", form)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_spreadsheet_naming_a_column_far_to_the_right_is_refused_not_allocated()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var bomb = XlsxBomb.WithCellReference("AAAAAAA1");
        await (await verifier.PostAsync("/api/v1/registers/external-funding", new ByteArrayContent(bomb))).ShouldBeValidationProblemNamingAsync("file");
        var inflated = XlsxBomb.Inflating(20 * 1024 * 1024);
        await (await verifier.PostAsync("/api/v1/registers/external-funding", new ByteArrayContent(inflated))).ShouldBeValidationProblemNamingAsync("file");
    }

    [Fact]
    public async Task Sign_in_answers_are_never_kept_by_idempotency()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        using var client = fixture.App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { username = user.Username, password = SubsidyApp.Password }),
        };
        var key = "login-key-" + Guid.NewGuid().ToString("N");
        request.Headers.Add("Idempotency-Key", key);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM idempotency_requests WHERE key = @key", new { key })).Should().Be(0);
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted()
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var keys = (await conn.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(x => x.Contains("EncryptedData") && !x.Contains("<value>"));
    }

    [Fact]
    public async Task A_password_file_is_private_from_the_moment_it_exists()
    {
        var file = Path.Combine(Path.GetTempPath(), $"secret-{Guid.NewGuid():N}");
        try
        {
            await SubsidyService.Data.SecretFile.WriteAsync(file, "s3cret");
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            (await File.ReadAllTextAsync(file)).Should().Be("s3cret");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_standard_input_when_it_is_left_out()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await SubsidyService.Cli.CommandLine.RunAsync(fixture.App.Services,
            ["users", "add", "--username", "stdin.finance", "--role", "finance", "--email", "s@bureau.example"], stdout, stderr,
            new StringReader("Stdin-pass-123\n"));
        code.Should().Be(0, stderr.ToString());
        (await fixture.App.TokenAsync("stdin.finance", "Stdin-pass-123")).Should().NotBeEmpty();
    }
}
