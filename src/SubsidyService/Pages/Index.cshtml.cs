using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SubsidyService.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true
            ? Redirect(PagesExtensions.HomeOf(User.FindFirstValue(ClaimTypes.Role)))
            : Page();
}
