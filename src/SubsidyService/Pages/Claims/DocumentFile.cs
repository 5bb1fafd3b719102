using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Claims.Documents;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// Streams a document for a page. The API's download takes a bearer token, pages have a cookie, so each
/// role's pages serve files themselves through the same <see cref="DocumentService.ReadAsync"/> check.
/// </summary>
public static class DocumentFile
{
    public static async Task<IActionResult> ResultAsync(DocumentService documents, HttpContext http, Guid id, Guid docId, bool download)
    {
        var read = await documents.ReadAsync(Actor.From(http.User), id, docId);
        if (!read.Succeeded) return new NotFoundResult();
        var (row, content) = read.Value;
        // The content type was found from the bytes at upload; nosniff keeps the browser to it.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=300";
        return download
            ? new FileContentResult(content, row.ContentType) { FileDownloadName = row.FileName }
            : new FileContentResult(content, row.ContentType);
    }
}
