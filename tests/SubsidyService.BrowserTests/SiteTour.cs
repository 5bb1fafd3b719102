using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SubsidyService.BrowserTests;

/// <summary>
/// Every page of every role, with the data a page needs to show what it can show: claims in each state a page
/// distinguishes (draft with five invoices, submitted, under review, waiting for a supplement, verified, in the
/// public notice with its letter, rejected with its notice letter, withdrawn) and a payout batch. The claims are made through the API (quicker than the pages, which the journey already walks);
/// the pages are then only looked at.
/// </summary>
public sealed class SiteTour
{
    public sealed record Stop(string Role, string? Username, string Path)
    {
        /// <summary>Hangfire's dashboard: the project does not write its markup, so what it lacks is reported, not failed.</summary>
        public bool Ours => !Path.StartsWith("/jobs", StringComparison.Ordinal);

        /// <summary>A payout batch's page reloads itself while the batch runs (to be replaced by polling on the money screens).</summary>
        public bool IsPayoutBatch => Path.StartsWith("/Finance/Payouts/", StringComparison.Ordinal);
    }

    public IReadOnlyList<Stop> Stops { get; }
    public Guid DraftWithFiveInvoices { get; }

    private SiteTour(IReadOnlyList<Stop> stops, Guid draft)
    {
        Stops = stops;
        DraftWithFiveInvoices = draft;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SiteTour? _built;

    /// <summary>Built once per service: every test of the tour looks at the same claims.</summary>
    public static async Task<SiteTour> OfAsync(BrowserFixture fixture)
    {
        await Gate.WaitAsync();
        try { return _built ??= await BuildAsync(fixture.Service.BaseUrl); }
        finally { Gate.Release(); }
    }

    private static async Task<SiteTour> BuildAsync(Uri baseUrl)
    {
        using var applicant = await ClientAsync(baseUrl, "applicant.demo");
        using var verifier = await ClientAsync(baseUrl, "verifier.demo");
        using var finance = await ClientAsync(baseUrl, "finance.demo");

        var claims = new Dictionary<string, JsonElement>();
        async Task<JsonElement> Create(string state, int invoices = 1)
        {
            var claim = await CreateAsync(applicant, invoices);
            // Verification needs every required kind; the others keep the state of a claim still missing some.
            if (state is "draft" or "submitted" or "verified" or "in_public_notice")
                await UploadAllAsync(applicant, claim.GetProperty("id").GetGuid());
            return await GetAsync(applicant, claim.GetProperty("id").GetGuid());
        }

        claims["draft"] = await Create("draft", invoices: 5);
        claims["submitted"] = await FireAsync(applicant, await Create("submitted"), "submit");
        claims["under_review"] = await FireAsync(verifier, await FireAsync(applicant, await Create("under_review"), "submit"), "start_review");
        claims["supplement_requested"] = await FireAsync(verifier,
            await FireAsync(verifier, await FireAsync(applicant, await Create("supplement_requested"), "submit"), "start_review"),
            "request_supplement", reason: "请补充代理费支付凭证的银行回单。");
        var verified = await FireAsync(verifier,
            await FireAsync(verifier, await FireAsync(applicant, await Create("verified"), "submit"), "start_review"), "verify");
        claims["verified"] = verified;
        var notice = await FireAsync(verifier,
            await FireAsync(verifier, await FireAsync(applicant, await Create("in_public_notice"), "submit"), "start_review"), "verify");
        claims["in_public_notice"] = await FireAsync(finance, notice, "approve");
        claims["rejected"] = await FireAsync(verifier, await FireAsync(applicant, await Create("rejected"), "submit"), "reject",
            reason: "判决书与案号不符", reasonCode: "evidence_insufficient");
        claims["withdrawn"] = await FireAsync(applicant, await FireAsync(applicant, await Create("withdrawn"), "submit"), "withdraw");

        var batch = await finance.PostAsJsonAsync("/api/v1/payout-batches", new { });
        if (batch.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"payout batch: {(int)batch.StatusCode} {await batch.Content.ReadAsStringAsync()}");
        var batchId = (await JsonAsync(batch)).GetProperty("id").GetString();

        var stops = new List<Stop>();
        void Add(string role, string? user, params string[] paths) => stops.AddRange(paths.Select(p => new Stop(role, user, p)));
        string Id(string state) => claims[state].GetProperty("id").GetString()!;
        var letter = claims["in_public_notice"].GetProperty("letter");

        Add("public", null, "/", "/Estimate", "/Notice", "/Account/Login", "/Account/Register", "/Letters/Verify",
            $"/Letters/Verify?number={Uri.EscapeDataString(letter.GetProperty("number").GetString()!)}&sha256={letter.GetProperty("sha256").GetString()}");

        Add("applicant", "applicant.demo", "/Applicant", "/Applicant/Claims/New", "/Account/Denied");
        foreach (var state in claims.Keys) Add("applicant", "applicant.demo", $"/Applicant/Claims/{Id(state)}");
        // A claim's documents and letters are files (PDF), shown inside the claim's page, not pages of their own.
        Add("applicant", "applicant.demo", $"/Applicant/Claims/{Id("draft")}/Edit", $"/Applicant/Claims/{Id("supplement_requested")}/Edit");

        var staffStates = claims.Keys.Where(s => s != "draft").ToList();
        foreach (var (role, user, home) in new[]
                 {
                     ("verifier", "verifier.demo", new[] { "/Verifier", "/Verifier/Registers", "/Bars" }),
                     ("finance", "finance.demo", new[] { "/Finance", "/Finance/Claims", "/Finance/Budget", "/Finance/Payouts", $"/Finance/Payouts/Details/{batchId}", "/Finance/Policies", "/Finance/Recoveries", "/Bars", "/Reports" }),
                     ("auditor", "auditor.demo", new[] { "/Auditor", "/Auditor/Objections", "/Auditor/Security", "/Reports" }),
                 })
        {
            var area = char.ToUpperInvariant(role[0]) + role[1..];
            Add(role, user, home);
            foreach (var state in staffStates) Add(role, user, $"/{area}/Claims/{Id(state)}");
            if (role is "verifier" or "finance") Add(role, user, $"/Objections/Claim/{Id("in_public_notice")}");
        }
        Add("admin", "admin.demo", "/Admin", "/Admin/Calendar", "/Admin/Mail", "/Admin/Policies", "/jobs", "/jobs/recurring");
        return new SiteTour(stops, claims["draft"].GetProperty("id").GetGuid());
    }

    private static async Task<HttpClient> ClientAsync(Uri baseUrl, string username)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = "Demo#2026" });
        var token = (await JsonAsync(login)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int _case = Random.Shared.Next(10_000, 90_000);

    private static async Task<JsonElement> CreateAsync(HttpClient applicant, int invoices)
    {
        var n = Interlocked.Increment(ref _case);
        var amounts = invoices == 1 ? ["8000.00"] : Enumerable.Repeat((8000m / invoices).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), invoices).ToArray();
        var body = new Dictionary<string, object?>
        {
            ["applicantType"] = "natural_person",
            ["name"] = "张明",
            ["idNumber"] = "33010219800101123X",
            ["domicileInCounty"] = true,
            ["caseNumber"] = $"（2024）浙02民初{n}号",
            ["court"] = "宁波市中级人民法院",
            ["caseType"] = "patent_infringement",
            ["outcome"] = "won",
            ["judgmentEffectiveDate"] = "2024-05-20",
            ["foreignRelated"] = false,
            ["majorImpact"] = false,
            ["agencyFee"] = "8000.00",
            ["invoices"] = amounts.Select((a, i) => new { number = $"{n}{i:D6}", amount = a, issuedOn = "2024-03-01" }).ToList(),
            ["otherFunding"] = new List<object>(),
            ["patentNumbers"] = new[] { ClaimPagesFlowTests.PatentFor(n) },
            ["opposingParties"] = new[] { "某某电器有限公司" },
            ["bankAccount"] = new { bankName = "中国工商银行某县支行", accountName = "张明", accountNumber = "6222021234567890" },
        };
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", body);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"create claim: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    /// <summary>One PDF of each kind the policy requires.</summary>
    private static async Task UploadAllAsync(HttpClient applicant, Guid claim)
    {
        foreach (var kind in new[] { "judgment", "agency_contract", "invoice", "payment_proof", "id_proof" })
        {
            var file = new ByteArrayContent(TestPdf.Make(kind));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var form = new MultipartFormDataContent { { file, "file", $"{kind}.pdf" }, { new StringContent(kind), "kind" } };
            var response = await applicant.PostAsync($"/api/v1/claims/{claim}/documents", form);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"upload {kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<JsonElement> FireAsync(HttpClient client, JsonElement claim, string trigger, string? reason = null, string? reasonCode = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/claims/{claim.GetProperty("id").GetGuid()}/transitions", new
        {
            trigger,
            expectedVersion = claim.GetProperty("version").GetInt32(),
            reason,
            reasonCode,
            data = trigger == "submit" ? new { undertakingAccepted = true } : null,
        });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{trigger}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await JsonAsync(await client.GetAsync($"/api/v1/claims/{id}"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
