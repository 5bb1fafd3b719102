using System.Net;
using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SubsidyService.Kernel;
using SubsidyService.Letters;
using SubsidyService.Letters.Signing;
using SubsidyService.Letters.Tests;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Letters;

/// <summary>Letters the service issues carry the configured seal; the stored SHA-256 is the sealed file's.</summary>
public sealed class LetterSealServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    [Fact]
    public async Task An_issued_letter_is_sealed_and_its_registered_sha256_is_of_the_sealed_file()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var letter = approved.GetProperty("letter");
        var pdf = await (await s.Applicant.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).Content.ReadAsByteArrayAsync();

        var report = Poppler.Signatures(pdf);
        report.Should().Contain("Signature is Valid.").And.Contain("Total document signed").And.Contain("ETSI.CAdES.detached");
        Convert.ToHexStringLower(SHA256.HashData(pdf)).Should().Be(letter.GetProperty("sha256").GetString());
        pdf.Length.Should().BeLessThan(40 * 1024);
        Poppler.Text(pdf).Should().Contain(approved.GetProperty("applicationNumber").GetString()!, "the letter names the claim by its 受理编号");

        using var anonymous = fixture.App.CreateClient();
        var number = letter.GetProperty("number").GetString()!;
        var verified = await ClaimApi.JsonAsync(await anonymous.GetAsync(
            $"/api/v1/letters/{Uri.EscapeDataString(number)}/verify?sha256={Convert.ToHexStringLower(SHA256.HashData(pdf))}"));
        verified.GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_configured_seal_is_not_called_a_demo_on_the_verification_page()
    {
        using var client = fixture.App.CreateClient();
        var page = await client.GetStringAsync("/Letters/Verify");
        page.Should().NotContain("演示用电子印章").And.Contain("补助决定书核验");
    }

    [Fact]
    public async Task A_demo_seal_is_named_as_such_on_the_verification_page()
    {
        var demo = LetterSeal.Load(TestLetterSeal.File, password: null, isDemo: true);
        await using var app = new SubsidyApp(fixture.ConnectionString, services: s => s.Replace(ServiceDescriptor.Singleton(demo)));
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/Letters/Verify");

        page.Should().Contain("演示用电子印章（非正式）").And.Contain("不是发文机关的正式电子印章");
    }

    [Fact]
    public void Embedded_mode_makes_its_demo_seal_once_and_keeps_it()
    {
        var data = Path.Combine(TestPostgres.RunRoot, "seal-" + Guid.NewGuid().ToString("N")[..8]);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = data }).Build();

        using var first = LetterSealCertificate.Load(config, TimeProvider.System);
        using var second = LetterSealCertificate.Load(config, TimeProvider.System);

        first.IsDemo.Should().BeTrue();
        first.Certificate.Subject.Should().Be(LetterSeal.DemoSubject);
        File.Exists(Path.Combine(data, LetterSealCertificate.DemoFileName)).Should().BeTrue();
        second.Certificate.Thumbprint.Should().Be(first.Certificate.Thumbprint, "a restart keeps the seal it made");
    }

    [Fact]
    public async Task A_service_with_its_own_database_and_no_seal_certificate_refuses_to_start_naming_the_key()
    {
        await using var app = new SubsidyApp(fixture.ConnectionString, settings: new Dictionary<string, string?> { ["Letters:SigningCertificateFile"] = "" });

        var start = () => app.Server;

        start.Should().Throw<StartupFailure>().Which.Message.Should()
            .Contain("Letters__SigningCertificateFile").And.NotContain("\n");
    }
}
