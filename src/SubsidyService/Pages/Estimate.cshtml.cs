using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Domain.Policy;
using SubsidyService.Policy;

namespace SubsidyService.Pages;

/// <summary>
/// 补助测算, open to everyone. Input names are the API's field paths (<c>invoices[0].number</c>), so the
/// script can post the form as JSON to /api/v1/estimate and place errors by name; with scripts off the
/// form posts here and the same <see cref="Estimator"/> answers.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SubsidyService.Policy.EstimateRateLimit.PolicyName)]
public sealed partial class EstimateModel(Estimator estimator) : PageModel
{
    [BindProperty] public string? ApplicantType { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? DomicileInCounty { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Court { get; set; }
    [BindProperty] public string? CaseType { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? JudgmentEffectiveDate { get; set; }
    [BindProperty] public bool ForeignRelated { get; set; }
    [BindProperty] public bool MajorImpact { get; set; }
    [BindProperty] public string? AgencyFee { get; set; }
    [BindProperty] public string? PartyRole { get; set; }
    [BindProperty] public List<InvoiceRow> Invoices { get; set; } = [new()];
    [BindProperty] public List<FundingRow> OtherFunding { get; set; } = [];

    public EstimateResponse? Result { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet() { }

    /// <param name="add">"invoices" or "otherFunding": a row-adding button without scripts.</param>
    /// <param name="remove">"invoices[2]" and the like: a row-removing button without scripts.</param>
    public async Task<IActionResult> OnPostAsync(string? add, string? remove)
    {
        if (add is not null || remove is not null)
        {
            EditRows(add, remove);
            return Page();
        }
        var (result, refused) = await estimator.EstimateAsync(ToInput());
        Result = result;
        Errors = refused?.FieldErrors ?? [];
        return Page();
    }

    private void EditRows(string? add, string? remove)
    {
        if (add == "invoices") Invoices.Add(new InvoiceRow());
        if (add == "otherFunding") OtherFunding.Add(new FundingRow());
        if (remove is null || RowName().Match(remove) is not { Success: true } m) return;
        var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (m.Groups[1].Value == "invoices" && index < Invoices.Count) Invoices.RemoveAt(index);
        if (m.Groups[1].Value == "otherFunding" && index < OtherFunding.Count) OtherFunding.RemoveAt(index);
    }

    [GeneratedRegex(@"^(invoices|otherFunding)\[([0-9]{1,3})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex RowName();

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);

    private ClaimFactsInput ToInput() => new(
        Blank(ApplicantType), Name, IdNumber,
        DomicileInCounty switch { "true" => true, "false" => false, _ => null },
        CaseNumber, Court, Blank(CaseType), Blank(Outcome), Blank(JudgmentEffectiveDate), ForeignRelated, MajorImpact, Blank(AgencyFee),
        Invoices.Select(i => new InvoiceInput(Blank(i.Number), Blank(i.Amount), Blank(i.IssuedOn), Blank(i.Code))).ToList(),
        OtherFunding.Select(f => new OtherFundingInput(f.Source, f.Level, Blank(f.Amount), f.Reference)).ToList(),
        Blank(PartyRole));

    // An empty form field is a missing value, as an absent JSON member is, not a malformed one.
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public sealed class InvoiceRow
    {
        public string? Number { get; set; }
        public string? Code { get; set; }
        public string? Amount { get; set; }
        public string? IssuedOn { get; set; }
    }

    public sealed class FundingRow
    {
        public string? Source { get; set; }
        public string? Level { get; set; }
        public string? Amount { get; set; }
        public string? Reference { get; set; }
    }
}
