using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Pages;

/// <summary>Claims brought to the finance bureau through the API, and the budget they draw on, for the page tests of issue 8.</summary>
public sealed class ApprovalFlows
{
    private ApprovalFlows(SubsidyApp app, HttpClient applicant, HttpClient verifier, HttpClient finance)
    {
        App = app;
        Applicant = applicant;
        Verifier = verifier;
        Finance = finance;
    }

    public SubsidyApp App { get; }
    public HttpClient Applicant { get; }
    public HttpClient Verifier { get; }
    public HttpClient Finance { get; }

    /// <summary>The fiscal year approvals today draw on (China time, the service's clock).</summary>
    public int Year => App.Service<TimeProvider>().Today().Year;

    public static async Task<ApprovalFlows> StartAsync(SubsidyApp app)
    {
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await app.ClientAsAsync(Roles.Verifier);
        var (finance, _) = await app.ClientAsAsync(Roles.Finance);
        return new ApprovalFlows(app, applicant, verifier, finance);
    }

    /// <summary>A claim submitted, reviewed and verified (4,000.00 yuan unless the change says otherwise).</summary>
    public async Task<Guid> VerifiedClaimAsync(Action<Dictionary<string, object?>>? change = null, HttpClient? applicant = null)
    {
        var claim = await ClaimApi.CreateAsync(applicant ?? Applicant, change);
        claim = await ClaimApi.MustFireAsync(applicant ?? Applicant, claim, "submit");
        claim = await ClaimApi.MustFireAsync(Verifier, claim, "start_review");
        claim = await ClaimApi.MustFireAsync(Verifier, claim, "verify", data: new { majorImpact = false });
        return claim.Id();
    }

    /// <summary>A verified claim approved by finance through the API; returns the claim as the API shows it after.</summary>
    public async Task<System.Text.Json.JsonElement> ApprovedClaimAsync(Action<Dictionary<string, object?>>? change = null)
    {
        var id = await VerifiedClaimAsync(change);
        return await ClaimApi.MustFireAsync(Finance, await ClaimApi.GetAsync(Finance, id), "approve");
    }

    /// <summary>Sets this year's budget so that exactly <paramref name="left"/> remains beside what is already reserved and paid.</summary>
    public async Task SetBudgetLeavingAsync(decimal left)
    {
        var current = await Finance.GetAsync($"/api/v1/budgets/{Year}");
        decimal used = 0;
        if (current.StatusCode == HttpStatusCode.OK)
        {
            var b = await ClaimApi.JsonAsync(current);
            used = decimal.Parse(b.GetProperty("reserved").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                 + decimal.Parse(b.GetProperty("paid").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }
        var amount = (used + left).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var set = await Finance.PutAsJsonAsync($"/api/v1/budgets/{Year}", new { amount });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
    }

    /// <summary>Claim facts of a natural person with this name, or of an enterprise when <paramref name="enterprise"/>.</summary>
    public static Action<Dictionary<string, object?>> Named(string name, bool enterprise = false) => body =>
    {
        body["name"] = name;
        if (enterprise)
        {
            body["applicantType"] = "enterprise";
            body["idNumber"] = EstimateFacts.CompanyCode();
        }
    };
}
