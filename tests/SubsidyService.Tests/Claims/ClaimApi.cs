using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>Claims through the HTTP API, as an integrator would drive them.</summary>
public static class ClaimApi
{
    private static int _sequence = Random.Shared.Next(1000, 9000);

    /// <summary>A fresh case number and invoice number, so that claims of one test never screen against another's.</summary>
    public static (string CaseNumber, string Invoice) Unique()
    {
        var n = Interlocked.Increment(ref _sequence);
        return ($"（2024）浙02民初{n}号", $"{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}");
    }

    public static Dictionary<string, object?> Body(Action<Dictionary<string, object?>>? change = null)
    {
        var (caseNumber, invoice) = Unique();
        var body = EstimateFacts.Valid();
        body["caseNumber"] = caseNumber;
        body["invoices"] = new List<object> { EstimateFacts.Invoice(number: invoice) };
        var bank = new Dictionary<string, object?> { ["bankName"] = "中国工商银行某县支行", ["accountName"] = "张明", ["accountNumber"] = "6222 0212 3456 7890" };
        body["bankAccount"] = bank;
        change?.Invoke(body);
        // The payee is the applicant: a test that changes the applicant pays the new one, unless it set the account itself.
        if (body.TryGetValue("bankAccount", out var account) && ReferenceEquals(account, bank) && (string?)bank["accountName"] == "张明")
            bank["accountName"] = body["name"];
        return body;
    }

    /// <summary>The kinds the default policy version requires before verification (POLICY.md "Materials").</summary>
    public static readonly string[] RequiredKinds = ["judgment", "agency_contract", "invoice", "payment_proof", "id_proof"];

    /// <summary>
    /// A draft claim, carrying one document of each required kind unless <paramref name="documents"/> is false (a test
    /// of the documents themselves, or of a claim that lacks them); returns the claim as it is after the uploads.
    /// </summary>
    public static async Task<JsonElement> CreateAsync(HttpClient applicant, Action<Dictionary<string, object?>>? change = null,
        bool documents = true)
    {
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", Body(change));
        var json = await JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToString());
        if (!documents) return json;
        foreach (var kind in RequiredKinds) await UploadAsync(applicant, json.Id(), kind);
        return await GetAsync(applicant, json.Id());
    }

    /// <summary>Uploads a small PDF of the kind to the claim; returns the document's id.</summary>
    public static async Task<Guid> UploadAsync(HttpClient applicant, Guid claimId, string kind)
    {
        var response = await applicant.PostAsync($"/api/v1/claims/{claimId}/documents", DocumentTests.Form(kind, DocumentTests.Pdf, $"{kind}.pdf"));
        var json = await JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, $"upload {kind}: {json}");
        return json.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> FireAsync(HttpClient client, JsonElement claim, string trigger,
        string? reason = null, string? reasonCode = null, object? data = null) =>
        FireAsync(client, claim.GetProperty("id").GetGuid(), claim.GetProperty("version").GetInt32(), trigger, reason, reasonCode, data);

    /// <summary>A submission accepts the undertaking unless the test sends data of its own (or <see cref="NoData"/>).</summary>
    public static Task<HttpResponseMessage> FireAsync(HttpClient client, Guid id, int version, string trigger,
        string? reason = null, string? reasonCode = null, object? data = null) =>
        client.PostAsJsonAsync($"/api/v1/claims/{id}/transitions",
            new { trigger, expectedVersion = version, reason, reasonCode, data = data == NoData ? null : data ?? DefaultData(trigger) });

    /// <summary>Sends no data at all, not even a submission's undertaking.</summary>
    public static readonly object NoData = new();

    public static object? DefaultData(string trigger) => trigger == "submit" ? new { undertakingAccepted = true } : null;

    /// <summary>Fires a trigger that must succeed and returns the claim after it.</summary>
    public static async Task<JsonElement> MustFireAsync(HttpClient client, JsonElement claim, string trigger,
        string? reason = null, string? reasonCode = null, object? data = null)
    {
        var response = await FireAsync(client, claim, trigger, reason, reasonCode, data);
        var json = await JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{trigger}: {json}");
        return json;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/claims/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Guid Id(this JsonElement claim) => claim.GetProperty("id").GetGuid();
    public static string Status(this JsonElement claim) => claim.GetProperty("status").GetString()!;

    public static IReadOnlyList<string> Triggers(this JsonElement claim) =>
        claim.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()!).ToList();
}
