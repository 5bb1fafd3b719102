using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Pages;

/// <summary>
/// The same field-keyed errors the API returns, shown under the field they name. Each field's messages sit in one
/// element whose id (<see cref="IdOf"/>) the field's input names in <c>aria-describedby</c>
/// (<see cref="FieldErrorTagHelper"/>) and the error summary at the top links to.
/// </summary>
public static partial class FieldErrors
{
    public static string Html(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? $"<div class=\"field-error\" data-field=\"{HtmlEncoder.Default.Encode(field)}\" id=\"{IdOf(field)}\">" +
              string.Join("<br />", messages.Select(ChoiceError.ForPeople).Select(HtmlEncoder.Default.Encode)) + "</div>"
            : "";

    /// <summary>
    /// The API's messages as a page words them: a value none of a list's (<see cref="ChoiceError"/>) asks to choose
    /// from the list instead of naming the codes the API accepts. Everything else is the API's own wording.
    /// </summary>
    public static Dictionary<string, string[]> ForPeople(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(ChoiceError.ForPeople).ToArray());

    /// <summary>"invoices[0].amount" → "err-invoices-0-amount": a valid id and fragment, the same on every page.</summary>
    public static string IdOf(string field)
    {
        var sb = new StringBuilder("err-");
        foreach (var c in field)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return TrailingDashes().Replace(RepeatedDashes().Replace(sb.ToString(), "-"), "");
    }

    /// <summary>
    /// A row's field as the summary at the top names it, since "发票金额" alone does not say which invoice:
    /// "invoices[1].amount" → "第 2 张发票". Fields outside a row have no prefix.
    /// </summary>
    public static string? RowOf(string field)
    {
        var match = RowKey().Match(field);
        if (!match.Success) return null;
        var n = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        return match.Groups[1].Value switch
        {
            "invoices" => $"第 {n} 张发票",
            "otherFunding" => $"第 {n} 项其他资助",
            "relatedCaseNumbers" => $"第 {n} 个关联案号",
            "patentNumbers" => $"专利号 {n}",
            "opposingParties" => $"对方当事人 {n}",
            "rows" => $"第 {n} 行",
            _ => $"第 {n} 项",
        };
    }

    [GeneratedRegex(@"^([A-Za-z]+)\[(\d{1,4})\]")]
    private static partial Regex RowKey();

    [GeneratedRegex("-{2,}")]
    private static partial Regex RepeatedDashes();

    [GeneratedRegex("-+$")]
    private static partial Regex TrailingDashes();
}
