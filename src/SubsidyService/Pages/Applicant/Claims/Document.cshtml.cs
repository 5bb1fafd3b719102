using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Claims.Documents;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Applicant.Claims;

/// <summary>An applicant's own evidence, as a file.</summary>
public sealed class DocumentModel(DocumentService documents) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, Guid docId, bool download) =>
        DocumentFile.ResultAsync(documents, HttpContext, id, docId, download);
}
