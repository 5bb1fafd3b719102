using SkiaSharp;

namespace SubsidyService.Letters;

/// <summary>
/// Renders letters as PDF: the template's wording filled with the content, laid out after GB/T 9704, set in fonts
/// cut down to the letter's characters. Deterministic (the same content gives the same bytes: the PDF's dates are
/// the issue date) and safe to call from several threads at once. Touches no database.
/// </summary>
public sealed class LetterRenderer : IDisposable
{
    /// <summary>Characters the page numbers may need, known before the page count is.</summary>
    private const string PageNumberCharacters = "— 0123456789";

    private readonly LetterTemplates _templates;
    private readonly LetterFonts _fonts;

    /// <summary>Opens the fonts; the templates are already loaded and checked.</summary>
    public LetterRenderer(LetterTemplates templates, LetterFontFiles fontFiles)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(fontFiles);
        _templates = templates;
        _fonts = new LetterFonts(fontFiles);
    }

    /// <summary>Reads the templates from <paramref name="templatesDirectory"/> (the folder holding letters/) and uses Debian's fonts unless told otherwise.</summary>
    public static LetterRenderer Create(string templatesDirectory, LetterFontFiles? fontFiles = null) =>
        new(LetterTemplates.Load(templatesDirectory), fontFiles ?? LetterFontFiles.Debian);

    public byte[] Render(LetterContent content)
    {
        var blocks = LetterComposer.Compose(content, _templates);
        using var faces = _fonts.SubsetFor(Texts(blocks).Append(PageNumberCharacters));
        using var output = new MemoryStream(16 * 1024);
        LetterTypesetter.Write(output, blocks, faces, Metadata(content, blocks));
        return output.ToArray();
    }

    private static SKDocumentPdfMetadata Metadata(LetterContent content, IReadOnlyList<LetterBlock> blocks)
    {
        // A fixed instant, not the clock: rendering again gives the same bytes, and so the same SHA-256.
        var issued = content.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var title = blocks.OfType<TitleBlock>().FirstOrDefault()?.Text ?? "";
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"{title} {content.Number.Trim()}";
        metadata.Author = content.AuthorityName.Trim();
        metadata.Subject = content.Addressee.Trim();
        metadata.Creator = "SubsidyService";
        metadata.Producer = "SubsidyService";
        metadata.Creation = issued;
        metadata.Modified = issued;
        return metadata;
    }

    private static IEnumerable<string> Texts(IEnumerable<LetterBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeaderBlock h: yield return h.Authority; yield return h.Number; break;
                case TitleBlock t: yield return t.Text; break;
                case ParagraphBlock p: yield return p.Text; break;
                case TableBlock t:
                    foreach (var row in t.Rows) { yield return row.Label; yield return row.Value; }
                    break;
                case SignatureBlock s: yield return s.Authority; yield return s.Date; yield return s.QrCaption; break;
            }
        }
    }

    public void Dispose() => _fonts.Dispose();
}
