using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Bench;

/// <summary>The service's API as the scenarios drive it: bodies, sign-up and sign-in, one request at a time.</summary>
public static class Api
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    public static readonly string PersonId = "33010219800101123" + ResidentIdNumber.CheckCharacter("33010219800101123");
    public const string Password = "Bench#Passw0rd-2026";

    /// <summary>One handler for all of a scenario's clients; connections are kept for the whole run.</summary>
    public static HttpClient Client(Uri baseUrl, string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends one request and reads the whole answer; anything but the expected status throws.</summary>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpMethod method, string path, byte[]? body, HttpStatusCode expected,
        CancellationToken ct = default, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = contentType == "application/json" ? JsonType : new MediaTypeHeaderValue(contentType) } };
        using var response = await client.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300)))}");
        return bytes;
    }

    public static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    /// <summary>Signs up an applicant (as anyone may) and signs in; returns the bearer token.</summary>
    public static async Task<string> NewApplicantAsync(HttpClient anonymous, string username)
    {
        await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/register",
            Json(new { username, password = Password, email = $"{username}@bench.example", displayName = "基准申请人" }), HttpStatusCode.Created);
        return await TokenAsync(anonymous, username, Password);
    }

    public static async Task<string> TokenAsync(HttpClient anonymous, string username, string password)
    {
        using var answer = JsonDocument.Parse(await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login",
            Json(new { username, password }), HttpStatusCode.OK));
        return answer.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates a claim and submits it: the two requests an applicant makes for one claim. Returns the claim's id.</summary>
    public static async Task<Guid> CreateAndSubmitAsync(HttpClient applicant, byte[] claimBody, CancellationToken ct)
    {
        Guid id;
        int version;
        using (var created = JsonDocument.Parse(await SendAsync(applicant, HttpMethod.Post, "/api/v1/claims", claimBody, HttpStatusCode.Created, ct)))
        {
            id = created.RootElement.GetProperty("id").GetGuid();
            version = created.RootElement.GetProperty("version").GetInt32();
        }
        await SubmitAsync(applicant, id, version, ct);
        return id;
    }

    public static Task SubmitAsync(HttpClient applicant, Guid id, int version, CancellationToken ct) =>
        SendAsync(applicant, HttpMethod.Post, $"/api/v1/claims/{id}/transitions",
            Json(new { trigger = "submit", expectedVersion = version, data = new { undertakingAccepted = true } }), HttpStatusCode.OK, ct);

    /// <summary>The kinds of material the default policy version requires before a claim is verified.</summary>
    public static readonly string[] RequiredKinds = ["judgment", "agency_contract", "invoice", "payment_proof", "id_proof"];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>Uploads one small PDF of each required kind to the claim; returns the claim's version after them.</summary>
    public static async Task<int> UploadRequiredAsync(HttpClient applicant, Guid id)
    {
        foreach (var kind in RequiredKinds)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"{kind}.pdf");
            form.Add(new StringContent(kind), "kind");
            using var response = await applicant.PostAsync($"/api/v1/claims/{id}/documents", form);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"upload {kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using var claim = JsonDocument.Parse(await SendAsync(applicant, HttpMethod.Get, $"/api/v1/claims/{id}", null, HttpStatusCode.OK));
        return claim.RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>A natural person's claim for its own case and invoice.</summary>
    public static byte[] ClaimBody(string caseNumber, string invoiceNumber)
    {
        var body = Facts(caseNumber, invoiceNumber);
        // A claim names its dispute (the patent and the opponent) and is paid to the applicant by name.
        body["patentNumbers"] = new List<object> { Patent(invoiceNumber) };
        body["opposingParties"] = new List<object> { "某某电器有限公司" };
        body["bankAccount"] = new Dictionary<string, object?> { ["bankName"] = "中国工商银行某县支行", ["accountName"] = body["name"], ["accountNumber"] = "6222 0212 3456 7890" };
        return Json(body);
    }

    /// <summary>A patent number of the claim's own, from its invoice's digits, with the check character POLICY.md describes.</summary>
    public static string Patent(string seed)
    {
        var digits = new string(seed.Where(char.IsAsciiDigit).ToArray()).PadLeft(12, '0')[^12..];
        return $"ZL{digits}.{SubsidyService.Domain.Screening.PatentNumber.CheckCharacter(digits)}";
    }

    public static Dictionary<string, object?> Facts(string caseNumber = "（2024）浙02民初123号", string invoiceNumber = "24332000000012345678") => new()
    {
        ["applicantType"] = "natural_person",
        ["name"] = "张明",
        ["idNumber"] = PersonId,
        ["domicileInCounty"] = true,
        ["caseNumber"] = caseNumber,
        ["court"] = "宁波市中级人民法院",
        ["caseType"] = "patent_infringement",
        ["outcome"] = "won",
        ["judgmentEffectiveDate"] = "2024-05-20",
        ["foreignRelated"] = false,
        ["majorImpact"] = false,
        ["agencyFee"] = "8000.00",
        ["invoices"] = new List<object> { new Dictionary<string, object?> { ["number"] = invoiceNumber, ["amount"] = "8000.00", ["issuedOn"] = "2024-03-01" } },
        ["otherFunding"] = new List<object>(),
    };
}
