using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Payouts;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Reports;

/// <summary>
/// Claims taken through the API on a clock moved from day to day in 2026 (the State Council's schedule: Qingming
/// 4–6 April, Labour Day 1–5 May), so that the report's working days can be counted by hand:
/// <list type="bullet">
/// <item>A, natural person, 4000.00: submitted Mon 2 Mar, verified Wed 4 Mar (2), approved Mon 9 Mar (3), paid Wed 11 Mar (2); 7 in all.</item>
/// <item>B, enterprise, 10000.00 (cap): submitted Wed 1 Apr, verified Wed 8 Apr (4, past Qingming), approved Thu 9 Apr (1), paid Fri 10 Apr (1); 6 in all.</item>
/// <item>C, natural person, 4000.00: submitted Mon 20 Apr, verified Tue 21 Apr (1), approved Wed 6 May (8, past Labour Day); ready for payout.</item>
/// <item>D, natural person, 4000.00: submitted Mon 11 May, rejected Tue 12 May.</item>
/// <item>E, a draft (never submitted), and F, submitted on 30 Dec 2025: outside a 2026 report.</item>
/// </list>
/// 1000.00 of A is recovered (repaid) on 12 May.
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();
    public SubsidyApp App { get; private set; } = null!;
    public string PersonId { get; } = EstimateFacts.PersonId("33010219800101123");
    public string CompanyCode { get; } = EstimateFacts.CompanyCode($"91330102MA2B{Random.Shared.Next(10000, 99999)}");
    /// <summary>A's bank name, which a spreadsheet would run as a formula unless the export escapes it.</summary>
    public const string FormulaBank = "=HYPERLINK(\"http://x\")银行";

    private User applicant = null!, verifier = null!, finance = null!, clerk = null!;

    public async Task InitializeAsync()
    {
        Clock.SetChinaTime(2025, 12, 30);
        App = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), Clock, PayoutSetup.Settings);
        applicant = await App.CreateUserAsync(Roles.Applicant);
        verifier = await App.CreateUserAsync(Roles.Verifier);
        finance = await App.CreateUserAsync(Roles.Finance);
        clerk = await App.CreateUserAsync(Roles.Finance);

        await Submit(Person());
        await ClaimApi.CreateAsync(await As(applicant), Person());

        At(2026, 1, 5);
        (await (await As(finance)).PutAsJsonAsync("/api/v1/budgets/2026", new { amount = "100000.00" })).EnsureSuccessStatusCode();

        var a = await ApprovedAsync(body => { Person()(body); ((Dictionary<string, object?>)body["bankAccount"]!)["bankName"] = FormulaBank; },
            new(2026, 3, 2), new(2026, 3, 4), new(2026, 3, 9));
        await PayAsync(new(2026, 3, 11));
        await ApprovedAsync(Company(), new(2026, 4, 1), new(2026, 4, 8), new(2026, 4, 9));
        await PayAsync(new(2026, 4, 10));
        await ApprovedAsync(Person(), new(2026, 4, 20), new(2026, 4, 21), new(2026, 5, 6));

        At(2026, 5, 11);
        var d = await Submit(Person());
        At(2026, 5, 12);
        var review = await Fire(verifier, d, "start_review");
        var rejected = await ClaimApi.FireAsync(await As(verifier), review.Id(), review.GetProperty("version").GetInt32(), "reject",
            reason: "代理合同与发票金额不符", reasonCode: "other");
        rejected.StatusCode.Should().Be(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());

        var opened = await (await As(finance)).PostAsJsonAsync("/api/v1/recoveries",
            new { claimId = a.Id(), grounds = "fraud", amount = "1000.00", reason = "部分发票系伪造" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var recovery = (await ClaimApi.JsonAsync(opened)).GetProperty("id").GetGuid();
        var settled = await (await As(finance)).PostAsJsonAsync($"/api/v1/recoveries/{recovery}/settle",
            new { method = "repaid", reference = "缴款书 2026-0001", note = "已退回国库" });
        settled.StatusCode.Should().Be(HttpStatusCode.OK, await settled.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A fresh client of someone: tokens issued on an earlier day have expired on the moved clock.</summary>
    public async Task<HttpClient> As(User user) => App.ClientWithToken(await App.TokenAsync(user.Username));

    private void At(int year, int month, int day) => Clock.SetChinaTime(year, month, day);

    private void At(DateOnly day) => Clock.SetChinaTime(day.Year, day.Month, day.Day);

    /// <summary>A claim submitted, verified and approved on the given days.</summary>
    private async Task<JsonElement> ApprovedAsync(Action<Dictionary<string, object?>> facts, DateOnly submitted, DateOnly verified, DateOnly approved)
    {
        At(submitted);
        var claim = await Submit(facts);
        At(verified);
        claim = await Verify(claim);
        At(approved);
        return await Fire(finance, claim, "approve");
    }

    private Action<Dictionary<string, object?>> Person() => b => b["idNumber"] = PersonId;

    private Action<Dictionary<string, object?>> Company() => b =>
    {
        b["applicantType"] = "enterprise";
        b["name"] = "某某科技有限公司";
        b["idNumber"] = CompanyCode;
        b["agencyFee"] = "30000.00";
        b["invoices"] = new List<object> { EstimateFacts.Invoice(number: ClaimApi.Unique().Invoice, amount: "30000.00") };
        ((Dictionary<string, object?>)b["bankAccount"]!)["accountName"] = "某某科技有限公司";
    };

    private async Task<JsonElement> Submit(Action<Dictionary<string, object?>> facts)
    {
        var client = await As(applicant);
        return await ClaimApi.MustFireAsync(client, await ClaimApi.CreateAsync(client, facts), "submit");
    }

    private async Task<JsonElement> Verify(JsonElement claim) => await Fire(verifier, await Fire(verifier, claim, "start_review"), "verify");

    private async Task<JsonElement> Fire(User who, JsonElement claim, string trigger) => await ClaimApi.MustFireAsync(await As(who), claim, trigger);

    /// <summary>A payout batch of every ready claim, the bank answering each line paid (imported by a second finance officer).</summary>
    private async Task PayAsync(DateOnly day)
    {
        At(day);
        var runner = await As(finance);
        var started = await runner.PostAsJsonAsync("/api/v1/payout-batches", new { });
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await ClaimApi.JsonAsync(started)).GetProperty("id").GetGuid();
        (await PayoutSetup.WaitForBatchAsync(runner, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().Should().Be("completed");
        var file = Encoding.UTF8.GetString((await runner.GetByteArrayAsync($"/api/v1/payout-batches/{id}/file"))[3..]);
        var lines = PayoutSetup.Lines(file).Skip(1).ToList();
        var results = await PayoutSetup.PostResultsAsync(await As(clerk), id, PayoutSetup.Results(lines, "paid"));
        results.StatusCode.Should().Be(HttpStatusCode.OK, await results.Content.ReadAsStringAsync());
    }
}
