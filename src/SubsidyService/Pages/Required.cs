using Microsoft.AspNetCore.Html;

namespace SubsidyService.Pages;

/// <summary>
/// How a form marks what must be filled: a red * after the label (hidden from screen readers, which hear the
/// input's <c>required</c>/<c>aria-required</c> instead) and, once per form, the legend that explains it.
/// </summary>
public static class Required
{
    public static readonly HtmlString Mark = new("<span class=\"req\" aria-hidden=\"true\">*</span>");

    public static readonly HtmlString Legend = new("<p class=\"required-legend\"><span class=\"req\">*</span>为必填项</p>");
}
