using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Approval;

public sealed class LetterExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_export_holds_every_letter_of_the_range_with_hashes_matching_the_register_and_the_stored_claims()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        await s.SetBudgetAsync(year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var rejected = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "reject", reason: "材料不实", reasonCode: "evidence_insufficient");

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var response = await s.Auditor.GetAsync($"/api/v1/letters/export?from={today}&to={today}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        var register = new StreamReader(zip.GetEntry("register.csv")!.Open()).ReadToEnd().TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        register.Should().HaveCount(2);
        zip.GetEntry("register.xlsx").Should().NotBeNull();
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        foreach (var row in register)
        {
            var (number, claimId, sha) = (row[0], Guid.Parse(row[2]), row[6]);
            var pdf = zip.Entries.Single(e => e.FullName.StartsWith("letters/") && e.FullName.Contains(number));
            using var bytes = new MemoryStream();
            pdf.Open().CopyTo(bytes);
            Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())).Should().Be(sha, "the PDF in the ZIP is the one the register lists");
            (await conn.ExecuteScalarAsync<string>("SELECT letter_sha256 FROM claims WHERE id = @claimId", new { claimId }))
                .Should().Be(sha, "and the one its claim records");
        }
        register.Select(r => Guid.Parse(r[2])).Should().BeEquivalentTo([approved.Id(), rejected.Id()]);

        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE trigger = 'export_letters' AND claim_id IS NULL"))
            .Should().BeGreaterThan(0, "the export itself is recorded");
        (await s.Finance.GetAsync("/api/v1/letters/export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.Auditor.GetAsync("/api/v1/letters/export?from=2026-13-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
