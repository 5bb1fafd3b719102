using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>New and Edit share the form: bind it under the API's field names, check it through the intake service.</summary>
public abstract class ClaimFormModel : ServicePageModel
{
    public ClaimForm Form { get; protected set; } = new();

    /// <summary>Bound without a prefix: the inputs carry the API's names (see <see cref="ClaimForm"/>).</summary>
    protected async Task BindFormAsync()
    {
        Form = new ClaimForm();
        await TryUpdateModelAsync(Form, "");
        Form.DropBlankRows();
    }

    protected IActionResult Saved(Outcome<Guid> saved, string notice)
    {
        if (saved.Refusal is { Status: 404 }) return NotFound();
        if (!saved.Succeeded)
        {
            Show(saved.Refusal!);
            return Page();
        }
        Notice = notice;
        return Redirect($"~/Applicant/Claims/{saved.Value}");
    }
}
