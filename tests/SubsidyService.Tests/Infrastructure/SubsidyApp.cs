using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Kernel;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// The real service in-process on a given database. Several instances on one connection string are
/// several nodes of one deployment.
/// </summary>
public sealed class SubsidyApp(string connectionString, TimeProvider? clock = null, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd!";

    /// <summary>Every node of a test deployment shares this checkpoint key (32 bytes, base64).</summary>
    public const string SealKey = "c3Vic2lkeS10ZXN0LXNlYWwta2V5LTMyLWJ5dGVzLSE=";

    /// <summary>
    /// The superuser connection string the app was given, for the test's own checks; the service itself
    /// runs as the DML-only role and migrates as the owner, as in a deployment.
    /// </summary>
    public string ConnectionString { get; } = connectionString;
    public ConcurrentQueue<string> LogLines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Dozens of test hosts share one server's 300 connections: each node's pool is bounded as a deployment's
        // would be (nodes × pool below max_connections); a burst waits for a pooled connection, it does not fail.
        builder.UseSetting("ConnectionStrings:Subsidy",
            new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRoles.ConnectionStringAs(ConnectionString, DatabaseRoles.Service)) { MaxPoolSize = 30 }.ConnectionString);
        builder.UseSetting("ConnectionStrings:SubsidyMigrations", DatabaseRoles.ConnectionStringAs(ConnectionString, DatabaseRoles.Owner));
        builder.UseSetting("Audit:SealKey", SealKey);
        builder.UseSetting("Demo:Seed", "false");
        // The test host has no client address, so every sign-in would share one per-address bucket.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:LetterVerifyPerMinute", "100000");
        builder.UseSetting("RateLimits:RegistrationsPerAddressPerDay", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        // Every claim a test verifies carries its five required documents: one applicant's claims would soon exceed a person's rate.
        builder.UseSetting("Uploads:PerMinute", "100000");
        // One key-ring certificate for the whole run, so that the nodes of a cluster test read each other's keys.
        builder.UseSetting("DataProtection:CertificateFile", TestKeyRing.File);
        builder.UseSetting("Letters:SigningCertificateFile", TestLetterSeal.File);
        // Dozens of nodes share the test machine: few workers each (a test about jobs may ask for more).
        builder.UseSetting("Jobs:WorkerCount", "2");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(new CollectingLoggerProvider(LogLines)));
        if (clock is not null)
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));
        if (services is not null)
            builder.ConfigureServices(services);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Creates a user of the role (a random username) and returns it.</summary>
    public async Task<User> CreateUserAsync(string role, string? username = null)
    {
        username ??= $"{role}.{Guid.NewGuid().ToString("N")[..8]}";
        var result = await Service<AccountService>().CreateAsync(username, Password, $"{username}@test.example", $"测试{Roles.DisplayName(role)}", role);
        if (!result.Succeeded) throw new InvalidOperationException(result.Refusal!.Message);
        return result.Value!;
    }

    public async Task<string> TokenAsync(string username, string password = Password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
    }

    /// <summary>An API client acting as a new user of the role.</summary>
    public async Task<(HttpClient Client, User User)> ClientAsAsync(string role)
    {
        var user = await CreateUserAsync(role);
        return (ClientWithToken(await TokenAsync(user.Username)), user);
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
