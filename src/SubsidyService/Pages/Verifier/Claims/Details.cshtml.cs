using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Verifier.Claims;

/// <summary>
/// A claim under review: evidence, screening flags and one panel per trigger the workflow permits now.
/// Every action posts the version the page was drawn from, so a stale page is refused, not applied.
/// </summary>
public sealed class DetailsModel(ClaimReader reader, ClaimTransitions transitions, PolicyStore policies, WorkingDayCalendar calendar, TimeProvider clock)
    : ClaimDetailsModel(reader, transitions)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ActionInput Input { get; set; } = new();
    public EstimateResponse? Preview { get; private set; }

    public DocumentList DocumentList => new(Claim, Url.Content("~/Verifier/Claims"), Removable: false, Preview: true);

    /// <summary>Open flags by code: resolve_screening settles every open flag of one code at once.</summary>
    public IEnumerable<IGrouping<string, ScreeningView>> OpenFlags => Claim.Screening.Where(f => f.Resolution is null).GroupBy(f => f.Code);

    /// <summary>
    /// The verify panel starts unticked (or from what was settled before): the higher tier is the bureau's designation,
    /// and the applicant's declaration is shown beside it, not pre-ticked. After a preview, it keeps what was tried.
    /// </summary>
    public ActionInput VerifyDefaults => ActivePanel == "verify" ? Input : new ActionInput
    {
        MajorImpact = Claim.Verification?.MajorImpact ?? false,
        ForeignRelated = Claim.Verification?.ForeignRelated ?? false,
        FeeBase = Claim.Verification?.FeeBase,
        DesignationBasis = Claim.Verification?.DesignationBasis,
    };

    /// <summary>What the applicant declared about the higher tier, in words, or null when they declared neither.</summary>
    public string? Declared =>
        (Claim.Facts.MajorImpact == true, Claim.Facts.ForeignRelated == true) switch
        {
            (true, true) => "申请人申报：具有重大影响、涉外",
            (true, false) => "申请人申报：具有重大影响",
            (false, true) => "申请人申报：涉外",
            _ => null,
        };

    /// <summary>
    /// The supplement form's checklist with the item of each required kind the claim lacks ticked (一次告知: one request
    /// names all of them). A refused form shows what was ticked instead.
    /// </summary>
    public IEnumerable<(string Item, bool Ticked)> SupplementChecklist(ActionInput input)
    {
        var missing = Materials.Parse(Claim.MissingDocuments).Select(SupplementDefects.For).ToList();
        var posted = ActivePanel == "request_supplement";
        return SupplementDefects.Checklist.Union(missing)
            .Select(item => (item, posted ? input.Defects.Contains(item) : missing.Contains(item)));
    }

    /// <summary>Posted text is kept only in the panel it was posted from.</summary>
    public ActionInput InputFor(string panel) => ActivePanel == panel ? Input : new ActionInput();

    public Task<IActionResult> OnGetAsync() => PageAsync(Id);

    public Task<IActionResult> OnPostFireAsync(string? trigger) => FireAsync(Id, trigger, Input.Version, panel: trigger);

    public Task<IActionResult> OnPostSupplementAsync() =>
        FireAsync(Id, "request_supplement", Input.Version, Input.Reason, data: new SupplementRequestData(Input.AllDefects()), panel: "request_supplement");

    public Task<IActionResult> OnPostResolveAsync() =>
        FireAsync(Id, "resolve_screening", Input.Version, Input.Reason, data: new ScreeningResolutionData(Input.Code, Input.Decision),
            panel: "resolve_screening:" + Input.Code);

    public Task<IActionResult> OnPostRejectAsync() =>
        FireAsync(Id, "reject", Input.Version, Input.Reason, Input.ReasonCode, panel: "reject");

    /// <summary>An objection during the public notice: the claim comes back to review, its budget and letter undone.</summary>
    public Task<IActionResult> OnPostObjectAsync() =>
        FireAsync(Id, "object", Input.Version, Input.Reason, panel: "object");

    /// <summary>A claim stored before patents and opponents were asked for: the verifier adds them from the judgment.</summary>
    public Task<IActionResult> OnPostDisputeAsync() =>
        FireAsync(Id, "add_dispute_details", Input.Version, data: Input.DisputeDetailsData(), panel: "add_dispute_details");

    /// <summary>The refused panel's errors under every key that starts with <paramref name="field"/> (each patent's line too).</summary>
    public IEnumerable<string> ErrorsUnder(string panel, string field) =>
        ActivePanel != panel ? [] : Errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)).SelectMany(e => e.Value);

    public LetterPanel LetterPanel => new(Claim, Url.Content("~/Verifier/Claims"));

    public Task<IActionResult> OnPostVerifyAsync() =>
        FireAsync(Id, "verify", Input.Version, data: Input.VerifyData(), panel: "verify");

    /// <summary>"重新计算": what verify would give with these settings, computed on the server, nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync(Id)) return NotFound();
        var preview = await VerifyPreview.ComputeAsync(policies, calendar, clock.Today(), Claim, Input.VerifyData());
        if (preview.Succeeded) Preview = preview.Value;
        else Show(preview.Refusal!, "verify");
        KeepPanel("verify");
        return Page();
    }
}
