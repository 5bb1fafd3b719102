using SkiaSharp;

namespace SubsidyService.Letters;

/// <summary>One letter's subset fonts, and text measured in them. Used by one thread for one letter.</summary>
internal sealed class LetterTypefaces : IDisposable
{
    private readonly LetterFonts _fonts;
    private readonly SKTypeface[] _faces;
    private readonly Dictionary<(FontSlot Slot, float Size), SKFont> _sized = [];
    private readonly Dictionary<(FontSlot Slot, float Size), SKFont> _measuring = [];

    public LetterTypefaces(LetterFonts fonts, SKTypeface cjk, SKTypeface latin)
    {
        _fonts = fonts;
        _faces = [cjk, latin];
    }

    /// <summary>The letter's subset font of a slot at a size: what the PDF is drawn with.</summary>
    public SKFont Font(FontSlot slot, float size) => Sized(_sized, _faces[(int)slot], slot, size);

    /// <summary>The whole font of a slot at a size, with the same settings: what text is measured with.</summary>
    private SKFont Measuring(FontSlot slot, float size) => Sized(_measuring, _fonts.Whole(slot), slot, size);

    private static SKFont Sized(Dictionary<(FontSlot Slot, float Size), SKFont> fonts, SKTypeface face, FontSlot slot, float size)
    {
        if (fonts.TryGetValue((slot, size), out var font)) return font;
        // Unhinted, linear metrics: the layout is the same whatever the output resolution. Never Skia's
        // Embolden: its PDF backend turns fake-bold text into Type 3 fonts, large and without names.
        font = new SKFont(face, size)
        {
            Hinting = SKFontHinting.None,
            LinearMetrics = true,
            Subpixel = true,
        };
        fonts[(slot, size)] = font;
        return font;
    }

    /// <summary>The text's glyphs and advances, each code point in the font that sets it.</summary>
    public ShapedText Shape(string text, float size, bool bold = false)
    {
        var codePoints = LineBreaker.CodePoints(text);
        var slots = new FontSlot[codePoints.Length];
        var glyphs = new ushort[codePoints.Length];
        var advances = new float[codePoints.Length];
        for (var i = 0; i < codePoints.Length; i++)
            slots[i] = _fonts.SlotOf(codePoints[i]);

        // One call per run of one font, not one per character. The subset gives the glyph ids (a look-up in its
        // character map), the whole font the advances (from Skia's cache once any letter has used the glyph).
        for (var start = 0; start < codePoints.Length;)
        {
            var end = start + 1;
            while (end < codePoints.Length && slots[end] == slots[start]) end++;
            var run = codePoints.AsSpan(start, end - start);
            Font(slots[start], size).GetGlyphs(run, glyphs.AsSpan(start, end - start));
            var measuring = Measuring(slots[start], size);
            var wholeGlyphs = measuring.GetGlyphs(run);
            measuring.GetGlyphWidths(wholeGlyphs, advances.AsSpan(start, end - start), Span<SKRect>.Empty);
            start = end;
        }
        return new ShapedText(codePoints, glyphs, slots, advances, size, bold);
    }

    public void Dispose()
    {
        foreach (var font in _sized.Values) font.Dispose();
        foreach (var font in _measuring.Values) font.Dispose();
        foreach (var face in _faces) face.Dispose();
    }
}

/// <summary>Text measured in a letter's fonts: per code point its glyph, font and advance. Bold text is struck twice, a hair apart.</summary>
internal sealed record ShapedText(int[] CodePoints, ushort[] Glyphs, FontSlot[] Slots, float[] Advances, float Size, bool Bold)
{
    public float Width(Range range) => Sum(Advances.AsSpan(range));

    public float Width() => Sum(Advances);

    private static float Sum(ReadOnlySpan<float> values)
    {
        var total = 0f;
        foreach (var v in values) total += v;
        return total;
    }
}
