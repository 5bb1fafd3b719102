using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Applicant.Claims;

public sealed class EditModel(ClaimIntake intake, ClaimReader reader) : ClaimFormModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public bool Editable { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync()
    {
        var claim = await reader.GetAsync(Actor.From(User), Id);
        if (!claim.Succeeded) return NotFound();
        Form = ClaimForm.From(claim.Value!);
        // The intake service refuses edits in other statuses too; saying so here spares filling in the form for nothing.
        Editable = ClaimText.Editable(claim.Value!.Status);
        if (!Editable) ShowProblem($"该申请处于“{ClaimText.Status(claim.Value.Status)}”状态，不能修改。");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await BindFormAsync();
        return Saved(await intake.UpdateAsync(Actor.From(User), Id, Form.ToInput()), "修改已保存。");
    }
}
