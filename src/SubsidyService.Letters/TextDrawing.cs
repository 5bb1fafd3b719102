using SkiaSharp;

namespace SubsidyService.Letters;

/// <summary>Draws measured text: one text blob per line, one run per font.</summary>
internal static class TextDrawing
{
    private const float BoldOffset = 0.04f;

    /// <summary>
    /// The widest gap justification may open, in ems. Text extractors (pdftotext, copy and paste) read a gap of a
    /// tenth of an em as a space; a line that would need more is left ragged.
    /// </summary>
    private const float MaxJustifyGap = 0.08f;

    /// <summary>
    /// Draws the code points in <paramref name="range"/> from <paramref name="x"/> on <paramref name="baseline"/>.
    /// With <paramref name="justifyTo"/>, the line is spread to that width at its break opportunities (between CJK
    /// characters, never inside a Latin word), unless that would open gaps wide enough to read as spaces.
    /// </summary>
    public static void Draw(SKCanvas canvas, LetterTypefaces faces, ShapedText text, Range range, float x, float baseline, SKPaint paint, float justifyTo = 0f)
    {
        var (offset, length) = range.GetOffsetAndLength(text.CodePoints.Length);
        if (length == 0) return;

        var extra = 0f;
        if (justifyTo > 0f)
        {
            var gaps = 0;
            for (var i = offset + 1; i < offset + length; i++)
                if (LineBreaker.CanBreakBetween(text.CodePoints[i - 1], text.CodePoints[i])) gaps++;
            var slack = justifyTo - text.Width(range);
            if (gaps > 0 && slack > 0f && slack / gaps <= text.Size * MaxJustifyGap)
                extra = slack / gaps;
        }

        var points = new SKPoint[length];
        var pen = x;
        for (var i = 0; i < length; i++)
        {
            var at = offset + i;
            if (i > 0 && extra > 0f && LineBreaker.CanBreakBetween(text.CodePoints[at - 1], text.CodePoints[at]))
                pen += extra;
            points[i] = new SKPoint(pen, baseline);
            pen += text.Advances[at];
        }

        using var builder = new SKTextBlobBuilder();
        for (var start = 0; start < length;)
        {
            var slot = text.Slots[offset + start];
            var end = start + 1;
            while (end < length && text.Slots[offset + end] == slot) end++;
            builder.AddPositionedRun(text.Glyphs.AsSpan(offset + start, end - start), faces.Font(slot, text.Size), points.AsSpan(start, end - start));
            start = end;
        }
        using var blob = builder.Build();
        if (blob is null) return;
        canvas.DrawText(blob, 0, 0, paint);
        // The fonts have no bold face; a second strike a hair to the right thickens the stems (PDF readers and
        // pdftotext recognise overprinted text and read it once).
        if (text.Bold)
            canvas.DrawText(blob, text.Size * BoldOffset, 0, paint);
    }

    /// <summary>A whole single line.</summary>
    public static void Draw(SKCanvas canvas, LetterTypefaces faces, ShapedText text, float x, float baseline, SKPaint paint) =>
        Draw(canvas, faces, text, Range.All, x, baseline, paint);

    /// <summary>The baseline that centres a CJK line of <paramref name="size"/> in a line box of <paramref name="leading"/>.</summary>
    public static float Baseline(float top, float size, float leading) => top + (leading - size) / 2f + size * 0.88f;
}
