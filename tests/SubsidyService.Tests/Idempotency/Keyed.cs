using System.Net.Http.Json;
using Dapper;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

/// <summary>Requests with an Idempotency-Key, and the rows they should (not) leave behind.</summary>
internal static class Keyed
{
    public const string Header = "Idempotency-Key";

    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N");
    public static string NewUsername() => "u" + Guid.NewGuid().ToString("N")[..12];

    public static object Registration(string username, string password = "Secure-pass-123") =>
        new { username, password, email = $"{username}@example.cn", displayName = "张三" };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation(Header, key);
        return client.SendAsync(request);
    }

    /// <summary>Creates a draft claim for a new case: the request whose repeats must not make a second claim.</summary>
    public static Task<HttpResponseMessage> CreateClaimAsync(this HttpClient client, object body, string? key) =>
        client.PostAsync("/api/v1/claims", body, key);

    /// <summary>A claim body for this case number, the same every time it is asked for (its invoice number comes from the case).</summary>
    public static Dictionary<string, object?> Claim(string caseNumber, string fee = "8000.00") =>
        Claims.ClaimApi.Body(b =>
        {
            b["caseNumber"] = caseNumber;
            b["agencyFee"] = fee;
            var digits = (Math.Abs((long)caseNumber.GetHashCode(StringComparison.Ordinal)) % 90_000_000_000L + 10_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            b["invoices"] = new List<object> { Policy.EstimateFacts.Invoice(number: digits) };
            // The patent too comes from the case: a repeat must send the same body.
            var patent = "1" + digits;
            b["patentNumbers"] = new List<object> { "ZL" + patent + "." + SubsidyService.Domain.Screening.PatentNumber.CheckCharacter(patent) };
        });

    public static string NewCaseNumber() => $"（2024）浙02民初{Random.Shared.NextInt64(100_000_000, 999_999_999)}号";

    public static async Task<long> ClaimsForCaseAsync(string connectionString, string caseNumber)
    {
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE case_number = @caseNumber", new { caseNumber });
    }

    public static bool WasReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    public static async Task<long> KeyRowsAsync(string connectionString, string key)
    {
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM idempotency_requests WHERE key = @key", new { key });
    }
}
