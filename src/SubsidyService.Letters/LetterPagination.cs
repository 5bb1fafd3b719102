using SkiaSharp;
using G = SubsidyService.Letters.PageGeometry;

namespace SubsidyService.Letters;

/// <summary>A slice of a page; <paramref name="Draw"/> gets the canvas, its top and whether it opens the page.</summary>
internal sealed record Strip(float Height, float SpaceBefore, Action<SKCanvas, float, bool> Draw, bool KeepWithPrevious = false, bool KeepWithNext = false);

/// <summary>
/// Puts strips on pages top to bottom; the signature keeps the paragraph before it on its page, so a page never
/// holds the signature alone (GB/T 9704 7.3.5).
/// </summary>
internal static class LetterPagination
{
    /// <summary>
    /// Fills pages in order. A strip that must stay with the one before it (the rest of a list item, a paragraph's
    /// last line, the signature) takes that one, and whatever that one is bound to, along to the next page,
    /// unless that would empty the page.
    /// </summary>
    public static List<List<Strip>> Paginate(List<Strip> strips)
    {
        var pages = new List<List<Strip>> { new() };
        var used = 0f;
        Strip? previous = null;
        foreach (var strip in strips)
        {
            var page = pages[^1];
            var bound = strip.KeepWithPrevious || previous?.KeepWithNext == true;
            previous = strip;
            if (page.Count > 0 && used + strip.SpaceBefore + strip.Height > G.ContentHeight)
            {
                var carried = bound ? CarriedAlong(page) : 0;
                var next = page.GetRange(page.Count - carried, carried);
                page.RemoveRange(page.Count - carried, carried);
                pages.Add(next);
                page = next;
                used = page.Sum(s => s.Height) + page.Skip(1).Sum(s => s.SpaceBefore);
            }
            used += (page.Count > 0 ? strip.SpaceBefore : 0f) + strip.Height;
            page.Add(strip);
        }
        return pages;
    }

    /// <summary>How many strips at the end of a full page go along with a strip bound to the last of them.</summary>
    private static int CarriedAlong(List<Strip> page)
    {
        var count = 1;
        while (count < page.Count && (page[^count].KeepWithPrevious || page[^(count + 1)].KeepWithNext))
            count++;
        return count < page.Count ? count : 0;
    }
}
