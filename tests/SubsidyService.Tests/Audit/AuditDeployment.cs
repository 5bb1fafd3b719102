using System.Net;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Audit;

/// <summary>
/// A database and a node of its own (tampering breaks the log for everyone on it), with an applicant, a
/// verifier and an auditor, and a superuser connection to tamper through.
/// </summary>
public sealed class AuditDeployment : IAsyncDisposable
{
    public required SubsidyApp App { get; init; }
    public required string SuperuserConnectionString { get; init; }
    public required HttpClient Applicant { get; init; }
    public required HttpClient Verifier { get; init; }
    public required HttpClient Auditor { get; init; }

    public static async Task<AuditDeployment> StartAsync()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        // The minutely seal job would seal on its own between a test's steps and shift the checkpoints it counts:
        // here only the test seals.
        var app = new SubsidyApp(cs, settings: new Dictionary<string, string?> { ["Jobs:Schedules:" + CheckpointSealJob.Id] = Hangfire.Cron.Never() });
        var applicant = (await app.ClientAsAsync(Roles.Applicant)).Client;
        var verifier = (await app.ClientAsAsync(Roles.Verifier)).Client;
        var auditor = (await app.ClientAsAsync(Roles.Auditor)).Client;
        await using var conn = await TestPostgres.OpenAsync(cs);
        return new AuditDeployment
        {
            App = app, SuperuserConnectionString = cs, Applicant = applicant, Verifier = verifier, Auditor = auditor,
            SecurityEvents = await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM claim_events"),
        };
    }

    /// <summary>The events the setting up wrote: the three accounts' creation and sign-in, in the security log.</summary>
    public required int SecurityEvents { get; init; }

    /// <summary>A claim with three events: create, submit, start_review.</summary>
    public async Task<Guid> ClaimUnderReviewAsync()
    {
        // Without documents: a claim under review needs none, and the counts below are of the claim's three transitions.
        var claim = await ClaimApi.MustFireAsync(Verifier,
            await ClaimApi.MustFireAsync(Applicant, await ClaimApi.CreateAsync(Applicant, documents: false), "submit"), "start_review");
        return claim.Id();
    }

    public Task<int> SealAsync() => App.Service<CheckpointSealer>().SealAsync(CancellationToken.None);

    public async Task<JsonElement> VerifyAsync()
    {
        var response = await Auditor.GetAsync("/api/v1/audit/verify");
        var json = await ClaimApi.JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public async Task<List<long>> EventIdsAsync(Guid claimId)
    {
        await using var conn = await TestPostgres.OpenAsync(SuperuserConnectionString);
        return (await conn.QueryAsync<long>("SELECT id FROM claim_events WHERE claim_id = @claimId ORDER BY id", new { claimId })).ToList();
    }

    /// <summary>What someone with full database access could do: the append-only triggers switched off for the transaction.</summary>
    public async Task TamperAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> change)
    {
        await using var conn = await TestPostgres.OpenAsync(SuperuserConnectionString);
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: tx);
        await change(conn, tx);
        await tx.CommitAsync();
    }

    public Task TamperAsync(string sql, object? args = null) =>
        TamperAsync((conn, tx) => conn.ExecuteAsync(sql, args, tx));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public static class AuditReportJson
{
    public static List<(string Kind, long? EventId, Guid? ClaimId, long? CheckpointId)> Problems(this JsonElement report) =>
        report.GetProperty("problems").EnumerateArray().Select(p => (
            p.GetProperty("kind").GetString()!,
            p.GetProperty("eventId").ValueKind == JsonValueKind.Number ? p.GetProperty("eventId").GetInt64() : (long?)null,
            p.GetProperty("claimId").ValueKind == JsonValueKind.String ? p.GetProperty("claimId").GetGuid() : (Guid?)null,
            p.GetProperty("checkpointId").ValueKind == JsonValueKind.Number ? p.GetProperty("checkpointId").GetInt64() : (long?)null))
        .ToList();

    public static bool Ok(this JsonElement report) => report.GetProperty("ok").GetBoolean();
    public static long Unsealed(this JsonElement report) => report.GetProperty("unsealedEvents").GetInt64();
}
