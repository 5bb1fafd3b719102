using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages;

/// <summary>
/// Ties a refused field's input to its message: <c>aria-invalid="true"</c> and the message's id in
/// <c>aria-describedby</c>, so a screen reader reads the reason with the field. The pages write plain inputs named
/// after the API's fields; this finds the errors through the page that showed the refusal
/// (<see cref="ServicePageModel.Show"/>), also inside partials whose model is not the page. A form that is one of
/// several panels says which in <c>data-panel</c>, so that only the posted form's "reason" is marked.
/// </summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.HttpContext.Items[ServicePageModel.ShownErrorsKey] is not ServicePageModel page || page.Errors.Count == 0)
            return;
        if (Text(output, "type") is "hidden" or "submit" or "button")
            return;
        var name = Text(output, "name") is { } n ? KeyOf(n, page.Errors) : null;
        if (name is null)
            return;
        var panel = context.Items.TryGetValue(FormPanelTagHelper.PanelKey, out var p) ? p as string : null;
        if (page.ActivePanel is not null && panel is not null && panel != page.ActivePanel)
            return;

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = Text(output, "aria-describedby");
        var id = FieldErrors.IdOf(name);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(describedBy) ? id : describedBy + " " + id);
    }

    /// <summary>
    /// The error key an input answers to: its own name when the form posts the API's field names (the claim form),
    /// else a staff form's bound name without its prefix, as the API names it ("Input.Reason" → "reason",
    /// "Input.FeeBase" → "data.feeBase"). Null when the refusal names no such field.
    /// </summary>
    internal static string? KeyOf(string name, IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.ContainsKey(name)) return name;
        var last = name[(name.LastIndexOf('.') + 1)..];
        if (last.Length == 0) return null;
        var bare = char.ToLowerInvariant(last[0]) + last[1..];
        if (errors.ContainsKey(bare)) return bare;
        return errors.ContainsKey("data." + bare) ? "data." + bare : null;
    }

    /// <summary>An attribute's value as text, whether written literally or through Razor.</summary>
    internal static string? Text(TagHelperOutput output, string attribute)
    {
        if (!output.Attributes.TryGetAttribute(attribute, out var a) || a.Value is null) return null;
        return a.Value switch
        {
            string s => s,
            HtmlString h => WebUtility.HtmlDecode(h.Value ?? ""),
            IHtmlContent c => Render(c),
            var v => v.ToString(),
        };
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}

/// <summary>Passes a form's <c>data-panel</c> to the fields inside it (see <see cref="FieldErrorTagHelper"/>).</summary>
[HtmlTargetElement("form", Attributes = "data-panel")]
public sealed class FormPanelTagHelper : TagHelper
{
    public const string PanelKey = "SubsidyService.FormPanel";

    /// <summary>In <c>Init</c>, which runs before the children: what is added here is what they see.</summary>
    public override void Init(TagHelperContext context)
    {
        if (context.AllAttributes.TryGetAttribute("data-panel", out var a))
            context.Items[PanelKey] = a.Value switch
            {
                string s => s,
                HtmlString h => WebUtility.HtmlDecode(h.Value ?? ""),
                IHtmlContent c => Render(c),
                var v => v?.ToString(),
            };
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
