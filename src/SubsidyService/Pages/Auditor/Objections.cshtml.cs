using Microsoft.AspNetCore.Mvc;
using SubsidyService.Objections;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Auditor;

/// <summary>Every objection received during a public notice, with its outcome and reply: the auditors' read-only list.</summary>
public sealed class ObjectionsModel(ObjectionStore store) : ServicePageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> OutcomeFilter =
        [("", "全部"), ("open", "待处理"), ("sustained", "异议成立"), ("dismissed", "已答复驳回")];

    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }

    public IReadOnlyList<ObjectionRow> Objections { get; private set; } = [];

    public static string OutcomeName(string? outcome) => outcome switch
    {
        null => "待处理",
        "sustained" => "异议成立（退回审核）",
        "dismissed" => "已答复驳回",
        _ => outcome,
    };

    public async Task OnGetAsync()
    {
        var outcome = OutcomeFilter.Any(o => o.Value == Outcome && o.Value != "") ? Outcome : null;
        Objections = await store.ListAsync(null, outcome, ObjectionEndpoints.ListLimit);
    }
}
