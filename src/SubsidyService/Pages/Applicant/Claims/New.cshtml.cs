using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Applicant.Claims;

public sealed class NewModel(ClaimIntake intake) : ClaimFormModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await BindFormAsync();
        Form.ExpectedVersion = null;
        return Saved(await intake.CreateAsync(Actor.From(User), Form.ToInput()), "草稿已保存。请上传判决书、代理合同、发票等材料，核对无误后提交。");
    }
}
