using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using SubsidyService.Audit;
using SubsidyService.Data;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Audit;

public sealed class SealKeyTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Embedded_mode_generates_a_key_readable_by_its_owner_only_and_keeps_it()
    {
        var dir = Path.Combine(TestPostgres.RunRoot, "sealkey-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new DatabaseOptions { ConnectionString = null, DataDirectory = dir };
            var first = new SealKey(Config(), options);
            var mac = first.Mac("content");
            var file = Path.Combine(dir, SealKey.EmbeddedFileName);
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Convert.FromBase64String(File.ReadAllText(file)).Should().HaveCount(32);
            new SealKey(Config(), options).Mac("content").Should().Be(mac, "the next start uses the same key");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void With_a_connection_string_the_key_must_be_configured_and_long_enough()
    {
        var external = new DatabaseOptions { ConnectionString = "Host=db.example" };
        var missing = () => new SealKey(Config(), external).EnsureLoaded();
        missing.Should().Throw<InvalidOperationException>().WithMessage("*Audit__SealKey*");
        var shortKey = () => new SealKey(Config(("Audit:SealKey", Convert.ToBase64String(new byte[16]))), external).EnsureLoaded();
        shortKey.Should().Throw<InvalidOperationException>().WithMessage("*at least 32*");
        var notBase64 = () => new SealKey(Config(("Audit:SealKey", "not base64!")), external).EnsureLoaded();
        notBase64.Should().Throw<InvalidOperationException>().WithMessage("*base64*");

        var file = Path.Combine(TestPostgres.RunRoot, "seal-" + Guid.NewGuid().ToString("N")[..8] + ".key");
        Directory.CreateDirectory(TestPostgres.RunRoot);
        File.WriteAllText(file, SubsidyApp.SealKey + "\n");
        try
        {
            new SealKey(Config(("Audit:SealKeyFile", file)), external).Mac("x")
                .Should().Be(new SealKey(Convert.FromBase64String(SubsidyApp.SealKey)).Mac("x"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_change_of_bank_account_is_recorded_in_the_log_masked_with_a_fingerprint()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await ClaimApi.CreateAsync(d.Applicant);
        var body = ClaimApi.Body(b => b["bankAccount"] = new Dictionary<string, object?>
            { ["bankName"] = "中国农业银行某县支行", ["accountName"] = "张明", ["accountNumber"] = "6228 4800 1122 3344 5" });
        (await d.Applicant.PutAsJsonAsync($"/api/v1/claims/{claim.Id()}", body)).EnsureSuccessStatusCode();

        var history = (await ClaimApi.GetAsync(d.Applicant, claim.Id())).GetProperty("history").EnumerateArray().ToList();
        var created = history.Single(h => h.GetProperty("trigger").GetString() == "create").GetProperty("data").GetProperty("bankAccount");
        var edited = history.Single(h => h.GetProperty("trigger").GetString() == "edit").GetProperty("data").GetProperty("bankAccount");
        edited.GetProperty("bankName").GetString().Should().Be("中国农业银行某县支行");
        edited.GetProperty("accountNumber").GetString().Should().NotContain("11223344").And.EndWith("3445");
        edited.GetProperty("accountNumberFingerprint").GetString().Should().StartWith("hmac-sha256:")
            .And.NotBe(created.GetProperty("accountNumberFingerprint").GetString());
        var csv = await d.Auditor.GetStringAsync("/api/v1/audit/events");
        csv.Should().NotContain("6228480011223344").And.NotContain("6222021234567890");
    }
}
