using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Bench;

/// <summary>
/// End to end over loopback HTTP against the real service process: the anonymous estimate under
/// concurrent clients, then login, claim create, submit and read as applicant.demo.
/// </summary>
public static class HttpBenchmarks
{
    public sealed record Sizes(int Warmup, int Estimates, int EstimateClients, int Logins, int Claims, int Reads, int ReadClients, TimeSpan MaxTimeEach);

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly string PersonId = "33010219800101123" + ResidentIdNumber.CheckCharacter("33010219800101123");
    private static readonly string CompanyCode = "91330102MA2B3C4D5" + UnifiedSocialCreditCode.CheckCharacter("91330102MA2B3C4D5");

    public static async Task<List<BenchmarkResult>> RunAsync(string repositoryRoot, Sizes sizes)
    {
        // The estimate is rate-limited per client address; every request here comes from 127.0.0.1.
        var settings = new Dictionary<string, string> { ["RateLimits__EstimatePerMinute"] = "1000000" };
        Console.WriteLine("Starting the service (Release build, embedded PostgreSQL under " + ServiceProcess.DataRoot + ")…");
        await using var service = await ServiceProcess.StartAsync(repositoryRoot, settings);
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var anonymous = new HttpClient(handler, disposeHandler: false) { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var applicant = new HttpClient(handler, disposeHandler: false) { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<BenchmarkResult>();

        byte[][] estimates = [Body(Facts("natural_person", "8000.00")), Body(Facts("enterprise", "30000.00")), Body(Facts("natural_person", "8000.00", outcome: "lost"))];
        Task Estimate(int i, CancellationToken ct) => SendAsync(anonymous, HttpMethod.Post, "/api/v1/estimate", estimates[i % estimates.Length], HttpStatusCode.OK, ct);
        await HttpLoad.RunAsync("warm-up", "", new HttpLoad.Settings(sizes.Warmup, sizes.EstimateClients, sizes.MaxTimeEach), Estimate);
        results.Add(await HttpLoad.RunAsync("http.estimate",
            $"POST /api/v1/estimate, 3 facts in turn (eligible, capped, ineligible), {sizes.EstimateClients} concurrent clients",
            new HttpLoad.Settings(sizes.Estimates, sizes.EstimateClients, sizes.MaxTimeEach), Estimate));

        var login = Body(new Dictionary<string, object?> { ["username"] = "applicant.demo", ["password"] = "Demo#2026" });
        string? token = null;
        results.Add(await HttpLoad.RunAsync("http.login", "POST /api/v1/auth/login as applicant.demo (password hash check, bearer token issued)",
            new HttpLoad.Settings(sizes.Logins, 1, sizes.MaxTimeEach), async (_, ct) =>
            {
                using var answer = JsonDocument.Parse(await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login", login, HttpStatusCode.OK, ct));
                token = answer.RootElement.GetProperty("accessToken").GetString();
            }));
        applicant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? throw new InvalidOperationException("no login succeeded"));

        // Warm-up claims take indices past the measured ones, so every case and invoice number stays unique.
        var ids = new Guid[sizes.Claims + sizes.Warmup];
        var versions = new int[ids.Length];
        async Task Create(int i, CancellationToken ct)
        {
            using var claim = JsonDocument.Parse(await SendAsync(applicant, HttpMethod.Post, "/api/v1/claims", Body(ClaimBody(i)), HttpStatusCode.Created, ct));
            ids[i] = claim.RootElement.GetProperty("id").GetGuid();
            versions[i] = claim.RootElement.GetProperty("version").GetInt32();
        }
        Task Submit(int i, CancellationToken ct) => SendAsync(applicant, HttpMethod.Post, $"/api/v1/claims/{ids[i]}/transitions",
            Body(new Dictionary<string, object?> { ["trigger"] = "submit", ["expectedVersion"] = versions[i] }), HttpStatusCode.OK, ct);
        var warmupClaims = Math.Min(sizes.Warmup, 10);
        await HttpLoad.RunAsync("warm-up", "", new HttpLoad.Settings(warmupClaims, 1, sizes.MaxTimeEach),
            async (i, ct) => { await Create(sizes.Claims + i, ct); await Submit(sizes.Claims + i, ct); });

        var claims = new HttpLoad.Settings(sizes.Claims, 1, sizes.MaxTimeEach);
        results.Add(await HttpLoad.RunAsync("http.claims.create",
            "POST /api/v1/claims as applicant.demo, each with its own case and invoice number; answer is the claim view", claims, Create));
        results.Add(await HttpLoad.RunAsync("http.claims.submit",
            "POST /api/v1/claims/{id}/transitions submit: screening queries, advisory lock, event appended; answer is the claim view", claims, Submit));

        var created = ids.Take(sizes.Claims).Where(id => id != Guid.Empty).ToArray();
        if (created.Length > 0)
            results.Add(await HttpLoad.RunAsync("http.claims.get",
                $"GET /api/v1/claims/{{id}} over the {created.Length} submitted claims, {sizes.ReadClients} concurrent clients",
                new HttpLoad.Settings(sizes.Reads, sizes.ReadClients, sizes.MaxTimeEach),
                (i, ct) => SendAsync(applicant, HttpMethod.Get, $"/api/v1/claims/{created[i % created.Length]}", null, HttpStatusCode.OK, ct)));

        Console.WriteLine("Stopping the service…");
        return results;
    }

    /// <summary>Sends one request and reads the whole answer; anything but the expected status throws.</summary>
    internal static async Task<byte[]> SendAsync(HttpClient client, HttpMethod method, string path, byte[]? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        using var response = await client.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300)))}");
        return bytes;
    }

    internal static byte[] Body(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    internal static Dictionary<string, object?> ClaimBody(int i)
    {
        var body = Facts("natural_person", "8000.00", caseNumber: $"（2024）浙02民初{10_000 + i}号", invoice: $"7{i:D10}");
        body["bankAccount"] = new Dictionary<string, object?> { ["bankName"] = "中国工商银行某县支行", ["accountName"] = "张明", ["accountNumber"] = "6222 0212 3456 7890" };
        return body;
    }

    private static Dictionary<string, object?> Facts(string applicantType, string fee, string outcome = "won",
        string caseNumber = "（2024）浙02民初123号", string invoice = "24332000000012345678") => new()
    {
        ["applicantType"] = applicantType,
        ["name"] = applicantType == "natural_person" ? "张明" : "某某科技有限公司",
        ["idNumber"] = applicantType == "natural_person" ? PersonId : CompanyCode,
        ["domicileInCounty"] = true,
        ["caseNumber"] = caseNumber,
        ["court"] = "宁波市中级人民法院",
        ["caseType"] = "patent_infringement",
        ["outcome"] = outcome,
        ["judgmentEffectiveDate"] = "2024-05-20",
        ["foreignRelated"] = false,
        ["majorImpact"] = false,
        ["agencyFee"] = fee,
        ["invoices"] = new List<object> { new Dictionary<string, object?> { ["number"] = invoice, ["amount"] = fee, ["issuedOn"] = "2024-03-01" } },
        ["otherFunding"] = new List<object>(),
    };
}
