using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

public sealed class ConcurrencyAndAuditTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<System.Text.Json.JsonElement> UnderReviewAsync(HttpClient verifier)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        return await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");
    }

    [Fact]
    public async Task Two_verifiers_verifying_one_claim_at_once_get_one_200_and_one_409()
    {
        var (first, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (second, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        for (var round = 0; round < 5; round++)
        {
            var claim = await UnderReviewAsync(first);
            var responses = await Task.WhenAll(
                Task.Run(() => ClaimApi.FireAsync(first, claim, "verify")),
                Task.Run(() => ClaimApi.FireAsync(second, claim, "verify")));
            responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict, "version_conflict");
            var events = (await ClaimApi.GetAsync(first, claim.Id())).GetProperty("history").EnumerateArray().Count(h => h.GetProperty("trigger").GetString() == "verify");
            events.Should().Be(1);
        }
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_and_changes_nothing()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await UnderReviewAsync(verifier);
        var stale = await ClaimApi.FireAsync(verifier, claim.Id(), claim.GetProperty("version").GetInt32() - 1, "verify");
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "version_conflict");
        (await ClaimApi.GetAsync(verifier, claim.Id())).GetProperty("version").GetInt32().Should().Be(claim.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Transition_bodies_are_checked_field_by_field()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await UnderReviewAsync(verifier);
        var url = $"/api/v1/claims/{claim.Id()}/transitions";
        await (await verifier.PostAsJsonAsync(url, new { expectedVersion = 1 })).ShouldBeValidationProblemNamingAsync("trigger");
        await (await verifier.PostAsJsonAsync(url, new { trigger = "fly_away", expectedVersion = 1 })).ShouldBeValidationProblemNamingAsync("trigger");
        await (await verifier.PostAsJsonAsync(url, new { trigger = "verify" })).ShouldBeValidationProblemNamingAsync("expectedVersion");
        await (await verifier.PostAsJsonAsync(url, new { trigger = "verify", expectedVersion = "x" })).ShouldBeValidationProblemNamingAsync("expectedVersion");
        await (await verifier.PostAsJsonAsync(url, new { trigger = "verify", expectedVersion = claim.GetProperty("version").GetInt32(), data = 5 }))
            .ShouldBeValidationProblemNamingAsync("data");
        await (await verifier.PostAsync(url, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Audit_verify_finds_an_event_altered_through_a_superuser_connection()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var claim = await UnderReviewAsync(verifier);
        var ok = await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        ok.GetProperty("ok").GetBoolean().Should().BeTrue(ok.ToString());
        ok.GetProperty("checkedEvents").GetInt64().Should().BeGreaterThanOrEqualTo(3);

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var target = await conn.ExecuteScalarAsync<long>(
            "SELECT id FROM claim_events WHERE claim_id = @id AND trigger = 'submit'", new { id = claim.Id() });
        await using (var tx = await conn.BeginTransactionAsync())
        {
            // A superuser can switch the append-only trigger off for the session; the chain still tells.
            await conn.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: tx);
            await conn.ExecuteAsync("UPDATE claim_events SET reason = '篡改' WHERE id = @target", new { target }, tx);
            await tx.CommitAsync();
        }

        var broken = await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        broken.GetProperty("ok").GetBoolean().Should().BeFalse();
        broken.GetProperty("firstBrokenEventId").GetInt64().Should().Be(target);
    }

    [Fact]
    public async Task Audit_verify_finds_a_deleted_event_by_its_successor()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs);
        var (verifier, _) = await app.ClientAsAsync(Roles.Verifier);
        var (auditor, _) = await app.ClientAsAsync(Roles.Auditor);
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");

        await using var conn = await TestPostgres.OpenAsync(cs);
        var ids = (await conn.QueryAsync<long>("SELECT id FROM claim_events WHERE claim_id = @id ORDER BY id", new { id = claim.Id() })).ToList();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await conn.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: tx);
            await conn.ExecuteAsync("DELETE FROM claim_events WHERE id = @id", new { id = ids[1] }, tx);
            await tx.CommitAsync();
        }

        var report = await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        report.GetProperty("firstBrokenEventId").GetInt64().Should().Be(ids[2]);
    }

    [Fact]
    public async Task The_service_cannot_update_or_delete_events_nor_switch_the_guard_off()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        await UnderReviewAsync(verifier);
        var db = fixture.App.Service<NpgsqlDataSource>();
        await using var conn = await db.OpenConnectionAsync();
        (await conn.ExecuteScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).Should().BeFalse();
        foreach (var sql in new[]
                 {
                     "UPDATE claim_events SET reason = 'x'", "DELETE FROM claim_events", "TRUNCATE claim_events",
                     "ALTER TABLE claim_events DISABLE TRIGGER claim_events_no_update", "ALTER TABLE claim_events DISABLE TRIGGER ALL",
                     "DROP TRIGGER claim_events_no_update ON claim_events",
                     "UPDATE audit_checkpoints SET mac = 'x'", "DELETE FROM audit_checkpoint_events",
                     "ALTER TABLE audit_checkpoints DISABLE TRIGGER ALL",
                 })
        {
            var act = () => conn.ExecuteAsync(sql);
            (await act.Should().ThrowAsync<PostgresException>(sql)).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
        var replica = () => conn.ExecuteAsync("SET session_replication_role = replica");
        (await replica.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task The_event_export_lists_every_event_for_auditors_only()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (auditor, auditorUser) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var claim = await UnderReviewAsync(verifier);
        var bytes = await auditor.GetByteArrayAsync("/api/v1/audit/events?from=2020-01-01");
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "a BOM lets spreadsheet programs read the Chinese text");
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        csv.Should().StartWith("id,claimId,at,actorId,actor,trigger,from,to,reason,data,prevHash,hash");
        csv.Should().Contain($"{claim.Id()}").And.Contain(",start_review,submitted,under_review,");
        await (await verifier.GetAsync("/api/v1/audit/verify")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await auditor.GetAsync("/api/v1/audit/events?from=2024-13-01")).ShouldBeValidationProblemNamingAsync("from");
        // Valid dates whose China midnight no timestamp can hold: refused by name, not a 500.
        await (await auditor.GetAsync("/api/v1/audit/events?from=0001-01-01")).ShouldBeValidationProblemNamingAsync("from");
        await (await auditor.GetAsync("/api/v1/audit/events?to=9999-12-31")).ShouldBeValidationProblemNamingAsync("to");

        // The export is itself in the log: who, when and which range; the refused one left no trace.
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var recorded = await conn.QueryAsync<(Guid? ClaimId, string Data)>(
            "SELECT claim_id, data::text FROM claim_events WHERE trigger = 'export_events' AND actor_id = @Id", new { auditorUser.Id });
        recorded.Should().ContainSingle().Which.Should().Be(((Guid?)null, "{\"from\":\"2020-01-01\",\"to\":null}"));
    }
}
