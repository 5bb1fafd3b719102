using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace SubsidyService.BrowserTests;

/// <summary>Claims made through the API by the demo accounts, for browser tests that start from a claim in some status.</summary>
public static class DemoClaims
{
    /// <summary>A natural person's claim of 4000.00, submitted and then moved by each of the given triggers in turn.</summary>
    /// <param name="then">After submission: e.g. start_review and verify for a claim finance may approve.</param>
    public static async Task<Guid> MakeAsync(Uri baseUrl, params string[] then)
    {
        var applicant = await ClientAsync(baseUrl, "applicant.demo");
        var n = Random.Shared.Next(10000, 99999);
        var body = new Dictionary<string, object?>
        {
            ["applicantType"] = "natural_person", ["name"] = "张明", ["idNumber"] = "33010219800101123X", ["domicileInCounty"] = true,
            ["caseNumber"] = $"（2024）浙02民初{n}号", ["court"] = "宁波市中级人民法院", ["caseType"] = "patent_infringement", ["outcome"] = "won",
            ["judgmentEffectiveDate"] = "2024-05-20", ["foreignRelated"] = false, ["majorImpact"] = false, ["agencyFee"] = "8000.00",
            ["invoices"] = new[] { new { number = $"{Random.Shared.Next(10_000_000, 99_999_999)}", code = "3302231130", amount = "8000.00", issuedOn = "2024-03-01" } },
            ["otherFunding"] = Array.Empty<object>(),
            ["patentNumbers"] = new[] { Patent() }, ["opposingParties"] = new[] { "某某电器有限公司" },
            ["bankAccount"] = new { bankName = "中国工商银行某县支行", accountName = "张明", accountNumber = "6222 0212 3456 7890" },
        };
        var claim = await JsonAsync(await applicant.PostAsJsonAsync("/api/v1/claims", body));
        var id = claim.GetProperty("id").GetGuid();
        foreach (var kind in new[] { "judgment", "agency_contract", "invoice", "payment_proof", "id_proof" })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(kind), "kind");
            var file = new ByteArrayContent(TestPdf.Make(kind));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"{kind}.pdf");
            (await applicant.PostAsync($"/api/v1/claims/{id}/documents", form)).EnsureSuccessStatusCode();
        }
        var verifier = await ClientAsync(baseUrl, "verifier.demo");
        var finance = await ClientAsync(baseUrl, "finance.demo");
        var steps = new List<(HttpClient, string, object?)> { (applicant, "submit", new { undertakingAccepted = true }) };
        steps.AddRange(then.Select(t => (t is "approve" ? finance : verifier, t, (object?)null)));
        foreach (var (client, trigger, data) in steps)
        {
            var version = (await JsonAsync(await client.GetAsync($"/api/v1/claims/{id}"))).GetProperty("version").GetInt32();
            var fired = await client.PostAsJsonAsync($"/api/v1/claims/{id}/transitions", new { trigger, expectedVersion = version, data });
            fired.IsSuccessStatusCode.Should().BeTrue($"{trigger}: {await fired.Content.ReadAsStringAsync()}");
        }
        return id;
    }

    public static async Task<HttpClient> ClientAsync(Uri baseUrl, string username)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        var login = await JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = "Demo#2026" }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A patent number of 12 random digits and its check character (mod 11, weights 2–9 from the left, 10 → X).</summary>
    private static string Patent()
    {
        var digits = string.Concat(Enumerable.Range(0, 12).Select(i => i == 0 ? Random.Shared.Next(1, 10) : Random.Shared.Next(0, 10)));
        var sum = digits.Select((c, i) => (c - '0') * (2 + i % 8)).Sum() % 11;
        return $"ZL{digits}.{(sum == 10 ? "X" : sum.ToString())}";
    }
}
