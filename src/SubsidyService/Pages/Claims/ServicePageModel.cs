using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// What every page of the service shows the same way (claim pages and the others alike): a refusal's field errors under their fields, anything
/// else as one message at the top, and the notice left by the last successful post.
/// </summary>
public abstract class ServicePageModel : PageModel
{
    public const string StaleMessage = "该申请已被他人更新，请刷新后重试。";

    [TempData] public string? Notice { get; set; }
    public string? Problem { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Which form on the page was posted, so that a "reason" error lands under that form's reason only.</summary>
    public string? ActivePanel { get; private set; }

    /// <summary>Where <see cref="FieldErrorTagHelper"/> finds the page that shows a refusal, from inside any partial.</summary>
    public const string ShownErrorsKey = "SubsidyService.ShownErrors";

    /// <summary>
    /// Field errors become the error summary at the top (<c>_Messages</c>) and a message under each field; a refusal
    /// without field errors is one message at the top.
    /// </summary>
    protected void Show(Refusal refusal, string? panel = null)
    {
        ActivePanel = panel;
        Errors = FieldErrors.ForPeople(refusal.Errors ?? new Dictionary<string, string[]>());
        HttpContext.Items[ShownErrorsKey] = this;
        Problem = refusal.Code switch
        {
            "version_conflict" => StaleMessage,
            "validation_failed" when Errors.Count > 0 => null,
            _ => refusal.Detail ?? refusal.Title,
        };
    }

    /// <summary>The error summary's lines: each field's messages, a row's named ("第 2 张发票：…"), and the id to link to.</summary>
    public IEnumerable<(string Anchor, string Text)> ErrorSummary() =>
        Errors.SelectMany(e => e.Value.Select(m =>
            (FieldErrors.IdOf(e.Key), FieldErrors.RowOf(e.Key) is { } row ? $"{row}：{m}" : m)));

    protected void ShowProblem(string message) => Problem = message;

    /// <summary>Keeps a panel's posted values on the page without an error (a preview, say).</summary>
    protected void KeepPanel(string panel) => ActivePanel = panel;

    public HtmlString ErrorsFor(string field) => new(FieldErrors.Html(Errors, field));

    public HtmlString ErrorsFor(string panel, string field) => panel == ActivePanel ? ErrorsFor(field) : HtmlString.Empty;

    /// <summary>Post/redirect/get: a refresh after an action must not repeat it.</summary>
    protected IActionResult Done(string notice)
    {
        Notice = notice;
        return Redirect(Request.Path);
    }
}
