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

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, object body, string? key) =>
        client.PostAsync("/api/v1/auth/register", body, key);

    public static bool WasReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    public static async Task<long> UsersNamedAsync(string connectionString, string username)
    {
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE username = @username", new { username });
    }

    public static async Task<long> KeyRowsAsync(string connectionString, string key)
    {
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM idempotency_requests WHERE key = @key", new { key });
    }
}
