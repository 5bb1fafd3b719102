using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Letters;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// Streams a claim's letter for a page, as <see cref="DocumentFileModel"/> does documents: the API's download
/// takes a bearer token, pages have a cookie. Without a number, the letter in force; with one, that letter of
/// this claim (revoked ones too, for the record). The owner and staff only; the folder decides the role.
/// </summary>
public sealed class LetterFileModel(NpgsqlDataSource db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? number)
    {
        var actor = Actor.From(User);
        await using var conn = await db.OpenConnectionAsync();
        var claim = await ClaimStore.FindAsync(conn, id);
        if (claim is null || (!actor.IsStaff && claim.ApplicantId != actor.Id)) return NotFound();

        LetterRecord? letter;
        byte[]? pdf = null;
        if (string.IsNullOrWhiteSpace(number))
        {
            var current = await LetterStore.CurrentAsync(conn, id);
            letter = current?.Letter;
            pdf = current?.Pdf;
        }
        else
        {
            letter = await LetterStore.FindAsync(conn, number.Trim());
            if (letter is not null && letter.ClaimId == id) pdf = await LetterStore.PdfAsync(conn, letter.Id);
        }
        if (letter is null || pdf is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-cache";
        return File(pdf, "application/pdf", LetterEndpoints.FileNameOf(letter));
    }
}
