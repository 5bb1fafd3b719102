using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Domain.Policy;
using SubsidyService.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Admin;

/// <summary>Policy versions: the list, and a form that adds one through the same checks as the API.</summary>
public sealed class PoliciesModel(PolicyStore store) : PageModel
{
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? EffectiveTo { get; set; }
    [BindProperty] public string? Rate { get; set; } = "0.50";
    [BindProperty(Name = "caps.natural_person")] public string? CapNaturalPerson { get; set; }
    [BindProperty(Name = "caps.legal_person")] public string? CapLegalPerson { get; set; }
    [BindProperty(Name = "caps.major_or_foreign")] public string? CapMajorOrForeign { get; set; }
    [BindProperty] public List<string> WinningOutcomes { get; set; } = [.. PolicyDefinition.Codes(PolicyVersion.Default.WinningOutcomes)];
    [BindProperty] public List<string> RegularCaseTypes { get; set; } = [.. PolicyDefinition.Codes(PolicyVersion.Default.RegularCaseTypes)];
    [BindProperty] public List<string> MajorCaseTypes { get; set; } = [.. PolicyDefinition.Codes(PolicyVersion.Default.MajorCaseTypes)];
    [BindProperty] public string? ApplicationWindowDays { get; set; }
    [BindProperty] public string? PublicNoticeWorkingDays { get; set; } = "5";
    [BindProperty] public string? ReviewWorkingDays { get; set; } = Invariant(PolicyVersion.DefaultReviewWorkingDays);
    [BindProperty] public string? SupplementWorkingDays { get; set; } = Invariant(PolicyVersion.DefaultSupplementWorkingDays);
    [BindProperty] public string? EndVersion { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [TempData] public string? Added { get; set; }
    [BindProperty(Name = "policyVersion")] public string? ChosenVersion { get; set; }

    /// <summary>Ticked on the second post, after the page showed what departs from item 13's text.</summary>
    [BindProperty(Name = "acceptWarnings")] public bool AcceptWarnings { get; set; }

    /// <summary>What the version about to be saved departs from item 13's text in (<see cref="PolicyWarnings"/>); empty when nothing does.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public IReadOnlyList<PolicyVersionResponse> Versions { get; private set; } = [];
    private IReadOnlyList<StoredPolicyVersion> stored = [];

    /// <summary>Whether the signed-in administrator may confirm the version: anyone but the one who added it.</summary>
    public bool MayConfirm(string id) =>
        stored.FirstOrDefault(v => v.Version.Id == id) is { } v && v.CreatedBy != Kernel.Actor.From(User).Id;
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Versions = await ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var window = Number("applicationWindowDays", "申请期限", "天数", ApplicationWindowDays);
        var notice = Number("publicNoticeWorkingDays", "公示期", "工作日数", PublicNoticeWorkingDays);
        var review = Number("reviewWorkingDays", "审核时限", "工作日数", ReviewWorkingDays);
        var supplement = Number("supplementWorkingDays", "补正期限", "工作日数", SupplementWorkingDays);
        var input = new PolicyVersionInput(Id, EffectiveFrom, EffectiveTo, Rate,
            new Dictionary<string, string?> { ["natural_person"] = CapNaturalPerson, ["legal_person"] = CapLegalPerson, ["major_or_foreign"] = CapMajorOrForeign },
            WinningOutcomes, RegularCaseTypes, MajorCaseTypes, window, notice,
            ReviewWorkingDays: review, SupplementWorkingDays: supplement);
        if (Errors.Count == 0 && !AcceptWarnings && PolicyVersionValidator.Validate(input).Value is { } valid &&
            PolicyWarnings.Of(valid) is { Count: > 0 } warnings)
        {
            // Nothing is saved until the administrator has read these and posts again with the box ticked.
            Warnings = warnings;
            Versions = await ListAsync();
            return Page();
        }
        var (created, refused) = Errors.Count == 0 ? await PolicyEndpoints.AddAsync(store, input, User) : WithNumberErrors(input);
        if (created is null)
        {
            Errors = UnderTheirGroup(refused!.FieldErrors);
            Versions = await ListAsync();
            return Page();
        }
        Added = $"已添加{created.Title}，须由另一名管理员或财务人员确认后生效。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var (confirmed, refused) = await store.ConfirmAsync(ChosenVersion ?? "", Kernel.Actor.From(User).Id);
        if (confirmed is not null)
        {
            Added = $"{confirmed.Version.Title}已确认，自 {Pages.Claims.ClaimText.ChineseDate(Domain.Kernel.Invariant.Date(confirmed.Version.EffectiveFrom))} 起生效。";
            return RedirectToPage();
        }
        return await RefusedAsync(refused!);
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var (_, refused) = await store.WithdrawAsync(ChosenVersion ?? "");
        if (refused is null)
        {
            Added = $"未确认的政策版本 {ChosenVersion} 已撤回。";
            return RedirectToPage();
        }
        return await RefusedAsync(refused);
    }

    private async Task<IActionResult> RefusedAsync(Refusal refused)
    {
        Errors["policyVersion"] = [refused.Message];
        Versions = await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!DateOnly.TryParseExact(EndDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
            Errors["endDate"] = ["请选择失效日期。"];
        else
        {
            var (updated, refused) = await store.SetEffectiveToAsync(EndVersion ?? "", date);
            if (updated is not null)
            {
                Added = $"{updated.Title}的失效日期已设为 {Pages.Claims.ClaimText.ChineseDate(EndDate)}。";
                return RedirectToPage();
            }
            Errors = refused!.Errors is { } errors
                ? errors.ToDictionary(e => e.Key == "effectiveTo" ? "endDate" : e.Key, e => e.Value)
                : new() { ["endDate"] = ["未找到该政策版本。"] };
        }
        Versions = await ListAsync();
        return Page();
    }

    /// <summary>Every other field's errors too, with "not a number" in place of "missing" for the day counts.</summary>
    private Refusal WithNumberErrors(PolicyVersionInput input)
    {
        var errors = PolicyVersionValidator.Validate(input).Refusal?.FieldErrors ?? [];
        foreach (var (field, messages) in Errors) errors[field] = messages;
        return Refusal.Validation(errors);
    }

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);

    /// <summary>
    /// The API names a bad box by its place ("winningOutcomes[1]"); the form has one message spot per group of boxes,
    /// so the messages move there, each said once.
    /// </summary>
    private static Dictionary<string, string[]> UnderTheirGroup(Dictionary<string, string[]> errors) =>
        FieldErrors.ForPeople(errors)
            .GroupBy(e => e.Key.IndexOf('[') is > 0 and var i ? e.Key[..i] : e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());

    public static bool Has(IEnumerable<string> codes, string code) => codes.Contains(code);

    private async Task<IReadOnlyList<PolicyVersionResponse>> ListAsync()
    {
        stored = await store.StoredAsync();
        return stored.Select(PolicyVersionResponse.From).ToList();
    }

    /// <summary>
    /// Whole days from a text field; blank is null (the validator says whether that means "none" or the default),
    /// anything else not a whole number is an error under the field that names it.
    /// </summary>
    private int? Number(string field, string label, string unit, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        Errors[field] = [$"{label}须填写{unit}，用阿拉伯数字写整数，不带正负号、小数点或文字。"];
        return null;
    }

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
