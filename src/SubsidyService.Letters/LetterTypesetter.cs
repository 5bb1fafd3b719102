using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using G = SubsidyService.Letters.PageGeometry;

namespace SubsidyService.Letters;

/// <summary>
/// Lays a letter's blocks out on A4 pages and writes the PDF. Every block becomes strips (a line of text, a table
/// row, the signature) that are never split; <see cref="LetterPagination"/> fills pages with them.
/// </summary>
internal sealed partial class LetterTypesetter
{
    private static readonly SKColor Red = new(0xD0, 0x10, 0x1B);
    private static readonly SKColor Ink = SKColors.Black;

    private readonly LetterTypefaces _faces;
    private readonly SKPaint _ink = new() { Color = Ink, IsAntialias = true };
    private readonly SKPaint _red = new() { Color = Red, IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };

    private LetterTypesetter(LetterTypefaces faces) => _faces = faces;

    public static void Write(Stream output, IReadOnlyList<LetterBlock> blocks, LetterTypefaces faces, SKDocumentPdfMetadata metadata)
    {
        var setter = new LetterTypesetter(faces);
        try
        {
            var strips = blocks.SelectMany(setter.Strips).ToList();
            var pages = LetterPagination.Paginate(strips);
            using var document = SKDocument.CreatePdf(output, metadata)
                ?? throw new InvalidOperationException("Skia could not create a PDF document");
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = document.BeginPage(G.Width, G.Height);
                var top = G.Top;
                for (var i = 0; i < pages[p].Count; i++)
                {
                    var strip = pages[p][i];
                    if (i > 0) top += strip.SpaceBefore;
                    strip.Draw(canvas, top, i == 0);
                    top += strip.Height;
                }
                setter.DrawPageNumber(canvas, p + 1);
                document.EndPage();
            }
            document.Close();
        }
        finally
        {
            setter._ink.Dispose();
            setter._red.Dispose();
            setter._rule.Dispose();
        }
    }

    private IEnumerable<Strip> Strips(LetterBlock block) => block switch
    {
        HeaderBlock h => [Header(h)],
        TitleBlock t => Title(t),
        ParagraphBlock p => Paragraph(p),
        TableBlock t => Table(t),
        SignatureBlock s => [Signature(s)],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, null),
    };

    /// <summary>发文机关标志 in red, as large as fits; the 发文字号 two lines below it; a red rule 4 mm under the number.</summary>
    private Strip Header(HeaderBlock h)
    {
        var natural = _faces.Shape(h.Authority, 1f, bold: true).Width();
        var size = MathF.Min(G.HeaderMaxSize, G.ContentWidth * 0.96f / MathF.Max(natural, 1f));
        var authority = _faces.Shape(h.Authority, size, bold: true);
        var number = _faces.Shape(h.Number, G.NumberSize);
        var numberTop = size * 1.1f + G.BodyLeading * 1.2f;
        var ruleY = numberTop + G.NumberSize + 4f * G.Mm;
        return new Strip(ruleY + 1.5f, 0f, (canvas, top, _) =>
        {
            TextDrawing.Draw(canvas, _faces, authority, G.Left + (G.ContentWidth - authority.Width()) / 2f, top + size * 0.88f, _red);
            TextDrawing.Draw(canvas, _faces, number, G.Left + (G.ContentWidth - number.Width()) / 2f, top + numberTop + G.NumberSize * 0.88f, _ink);
            using var rule = new SKPaint { Color = Red, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
            canvas.DrawLine(G.Left, top + ruleY, G.Right, top + ruleY, rule);
        });
    }

    /// <summary>标题 centred, 二号, one blank line above and below.</summary>
    private IEnumerable<Strip> Title(TitleBlock t)
    {
        var text = _faces.Shape(t.Text, G.TitleSize, bold: true);
        var lines = LineBreaker.Break(text.CodePoints, text.Advances, G.ContentWidth);
        var leading = G.TitleSize * 1.45f;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            yield return new Strip(leading, i == 0 ? G.BodyLeading * 1.1f : 0f, (canvas, top, _) =>
                TextDrawing.Draw(canvas, _faces, text, line, G.Left + (G.ContentWidth - text.Width(line)) / 2f, TextDrawing.Baseline(top, G.TitleSize, leading), _ink),
                KeepWithNext: true);
        }
    }

    private IEnumerable<Strip> Paragraph(ParagraphBlock p)
    {
        var (size, leading, spaceBefore, bold) = p.Kind switch
        {
            ParagraphKind.Salutation => (G.BodySize, G.BodyLeading, G.BodyLeading * 0.8f, false),
            ParagraphKind.Body => (G.BodySize, G.BodyLeading, 0f, false),
            ParagraphKind.Heading => (G.TableSize, G.TableLeading, G.TableLeading * 0.6f, true),
            _ => (G.ListSize, G.ListLeading, 2f, false),
        };
        var text = _faces.Shape(p.Text, size, bold);

        // Body paragraphs indent their first line two characters; list items hang their lines under the text after the number.
        var indent = p.Kind == ParagraphKind.Body ? 2f * size : 0f;
        var hanging = p.Kind == ParagraphKind.ListItem ? HangingIndent(p.Text, text) : 0f;
        var x = G.Left + hanging;
        var width = G.ContentWidth - hanging;
        var lines = LineBreaker.Break(text.CodePoints, text.Advances, width, indent - hanging);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var first = i == 0;
            var last = i == lines.Count - 1;
            var lineX = first ? G.Left + indent : x;
            var lineWidth = first ? width + hanging - indent : width;
            // No line of a list item, nor a paragraph's first or last line, stands alone at a page's end or start.
            var keepWithPrevious = i > 0 && (p.Kind == ParagraphKind.ListItem || i == 1 || last);
            var keepWithNext = p.Kind is ParagraphKind.Heading or ParagraphKind.Salutation;
            yield return new Strip(leading, first ? spaceBefore : 0f, (canvas, top, _) =>
                TextDrawing.Draw(canvas, _faces, text, line, lineX, TextDrawing.Baseline(top, size, leading), _ink, last ? 0f : lineWidth),
                keepWithPrevious, keepWithNext);
        }
    }

    /// <summary>The width of a leading "3. " so that the item's other lines start under its text.</summary>
    private static float HangingIndent(string source, ShapedText text)
    {
        var match = ListNumber().Match(source);
        if (!match.Success) return 0f;
        var codePoints = source[..match.Length].EnumerateRunes().Count();
        return text.Width(0..codePoints);
    }

    [GeneratedRegex(@"^\s*\d+[.、．]\s*")]
    private static partial Regex ListNumber();

    /// <summary>
    /// The figures as a ruled two-column table; each row one strip, drawing its own bottom rule and sides (and
    /// its top rule when it opens the table or a page).
    /// </summary>
    private IEnumerable<Strip> Table(TableBlock t)
    {
        var labels = t.Rows.Select(r => _faces.Shape(r.Label, G.TableSize, bold: true)).ToList();
        var labelWidth = MathF.Min(labels.Max(l => l.Width()) + 4f * G.TablePadding, G.ContentWidth * 0.4f);
        var valueX = G.Left + labelWidth;
        var valueWidth = G.ContentWidth - labelWidth - 2f * G.TablePadding;
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var label = labels[i];
            var value = _faces.Shape(t.Rows[i].Value, G.TableSize);
            var labelLines = LineBreaker.Break(label.CodePoints, label.Advances, labelWidth - 2f * G.TablePadding);
            var valueLines = LineBreaker.Break(value.CodePoints, value.Advances, valueWidth);
            var height = Math.Max(labelLines.Count, valueLines.Count) * G.TableLeading + G.TablePadding;
            var firstRow = i == 0;
            yield return new Strip(height, firstRow ? G.TableLeading * 0.7f : 0f, (canvas, top, opensPage) =>
            {
                if (firstRow || opensPage)
                    canvas.DrawLine(G.Left, top, G.Right, top, _rule);
                canvas.DrawLine(G.Left, top + height, G.Right, top + height, _rule);
                canvas.DrawLine(G.Left, top, G.Left, top + height, _rule);
                canvas.DrawLine(valueX, top, valueX, top + height, _rule);
                canvas.DrawLine(G.Right, top, G.Right, top + height, _rule);
                for (var l = 0; l < labelLines.Count; l++)
                    TextDrawing.Draw(canvas, _faces, label, labelLines[l], G.Left + G.TablePadding * 2f,
                        TextDrawing.Baseline(top + G.TablePadding / 2f + l * G.TableLeading, G.TableSize, G.TableLeading), _ink);
                for (var l = 0; l < valueLines.Count; l++)
                    TextDrawing.Draw(canvas, _faces, value, valueLines[l], valueX + G.TablePadding * 2f,
                        TextDrawing.Baseline(top + G.TablePadding / 2f + l * G.TableLeading, G.TableSize, G.TableLeading), _ink);
            }, KeepWithPrevious: firstRow || i == t.Rows.Count - 1);
        }
    }

    /// <summary>
    /// 发文机关署名 centred over 成文日期, the date four characters in from the right (GB/T 9704 7.3.5.2), inside a
    /// red circle where the seal goes; the QR code and its caption at the left.
    /// </summary>
    private Strip Signature(SignatureBlock s)
    {
        var authority = _faces.Shape(s.Authority, G.BodySize);
        var date = _faces.Shape(s.Date, G.BodySize);
        var captions = s.QrCaption.Split(Environment.NewLine).Select(c => _faces.Shape(c, 9f)).ToList();
        var modules = QrCodeDrawing.Modules(s.QrPayload);
        var height = G.BodyLeading * 1.2f + MathF.Max(G.QrSize + captions.Count * 12f, G.BodyLeading * 2f + G.SealRadius * 0.4f);
        return new Strip(height, 0f, (canvas, top, _) =>
        {
            var dateRight = G.Right - 4f * G.BodySize;
            var centre = dateRight - date.Width() / 2f;
            var authorityTop = top + G.BodyLeading * 1.8f;
            var dateTop = authorityTop + G.BodyLeading;
            TextDrawing.Draw(canvas, _faces, authority, centre - authority.Width() / 2f, TextDrawing.Baseline(authorityTop, G.BodySize, G.BodyLeading), _ink);
            TextDrawing.Draw(canvas, _faces, date, dateRight - date.Width(), TextDrawing.Baseline(dateTop, G.BodySize, G.BodyLeading), _ink);

            using var seal = new SKPaint { Color = Red.WithAlpha(150), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
            canvas.DrawCircle(centre, dateTop - G.BodyLeading * 0.2f, G.SealRadius, seal);

            var qrTop = top + G.BodyLeading * 0.6f;
            QrCodeDrawing.Draw(canvas, modules, G.Left, qrTop, G.QrSize, Ink);
            for (var c = 0; c < captions.Count; c++)
                TextDrawing.Draw(canvas, _faces, captions[c], G.Left + (G.QrSize - captions[c].Width()) / 2f, qrTop + G.QrSize + 9f + c * 12f, _ink);
        }, KeepWithPrevious: true);
    }

    /// <summary>页码 "— 1 —", centred 7 mm under the 版心.</summary>
    private void DrawPageNumber(SKCanvas canvas, int page)
    {
        var text = _faces.Shape(string.Create(CultureInfo.InvariantCulture, $"— {page} —"), G.BodySize);
        TextDrawing.Draw(canvas, _faces, text, G.Left + (G.ContentWidth - text.Width()) / 2f, G.PageNumberTop + G.BodySize * 0.88f, _ink);
    }
}
