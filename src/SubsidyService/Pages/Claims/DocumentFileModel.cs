using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Claims;
using SubsidyService.Claims.Documents;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// Streams a document for a page. The API's download takes a bearer token, pages have a cookie, so each
/// role's pages serve files themselves through the same <see cref="DocumentService.ReadAsync"/> check. One model
/// for every role's Documents page: the folder's role rule decides who reaches it, the service whose claim it is.
/// </summary>
public sealed class DocumentFileModel(DocumentService documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid docId, bool download)
    {
        var read = await documents.ReadAsync(Actor.From(User), id, docId);
        if (!read.Succeeded) return NotFound();
        var (row, content) = read.Value;
        // The content type was found from the bytes at upload; nosniff keeps the browser to it.
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=300";
        // The claim pages show the file inline (an <object> preview): the service's own pages may frame it,
        // nobody else's. The file runs no script of the service's, so nothing else is loosened.
        Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'");
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return download
            ? File(content, row.ContentType, row.FileName)
            : File(content, row.ContentType);
    }
}
