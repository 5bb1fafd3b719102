using SkiaSharp;

namespace SubsidyService.Letters;

/// <summary>
/// The fonts, opened once per process. Each letter gets its own subset of both (<see cref="SubsetFor"/>), since
/// the names and figures differ from letter to letter; text is measured in the whole fonts, loaded into Skia once,
/// so that Skia's glyph cache, which is per typeface, serves every letter rather than starting cold in each subset.
/// </summary>
internal sealed class LetterFonts : IDisposable
{
    private readonly SubsettableFont _cjk;
    private readonly SubsettableFont _latin;
    private readonly SKTypeface[] _whole;

    public LetterFonts(LetterFontFiles files)
    {
        _cjk = Open(files.CjkFontFile, "fonts-droid-fallback");
        try
        {
            _latin = Open(files.LatinFontFile, "fonts-dejavu-core");
            _whole = [LoadWhole(_cjk.Path), LoadWhole(_latin.Path)];
        }
        catch
        {
            _cjk.Dispose();
            _latin?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The whole font of a slot, for measuring only: a subset keeps each glyph's advance as it is in the whole font,
    /// so widths measured here are the subset's to the bit. Safe to use from several threads.
    /// </summary>
    public SKTypeface Whole(FontSlot slot) => _whole[(int)slot];

    /// <summary>Which font sets a code point: the Latin one for what it has outside the CJK ranges, else the CJK one.</summary>
    public FontSlot SlotOf(int codePoint) =>
        !LineBreaker.IsCjk(codePoint) && _latin.Covers(codePoint) ? FontSlot.Latin
        : _cjk.Covers(codePoint) ? FontSlot.Cjk
        : _latin.Covers(codePoint) ? FontSlot.Latin
        : FontSlot.Cjk; // neither has it: the CJK font's empty box (.notdef) marks the gap

    /// <summary>The two fonts cut down to the characters of <paramref name="texts"/>.</summary>
    public LetterTypefaces SubsetFor(IEnumerable<string> texts)
    {
        var cjk = new HashSet<int>();
        var latin = new HashSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                (SlotOf(rune.Value) == FontSlot.Latin ? latin : cjk).Add(rune.Value);

        // Skia needs a font with at least one glyph; a space is harmless.
        if (latin.Count == 0) latin.Add(' ');
        if (cjk.Count == 0) cjk.Add(0x3000);
        return new LetterTypefaces(this, Load(_cjk.Subset(cjk)), Load(_latin.Subset(latin)));
    }

    private static SKTypeface Load(byte[] font)
    {
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not load a font subset");
    }

    private static SKTypeface LoadWhole(string path) =>
        SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"Skia 无法读取字体文件 {path}");

    private static SubsettableFont Open(string path, string debianPackage)
    {
        try
        {
            return SubsettableFont.Open(path);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"{e.Message}（Debian 软件包 {debianPackage}；或用配置项 Letters:CjkFontFile、Letters:LatinFontFile 指定）", e);
        }
    }

    public void Dispose()
    {
        foreach (var face in _whole) face.Dispose();
        _cjk.Dispose();
        _latin.Dispose();
    }
}

internal enum FontSlot
{
    Cjk = 0,
    Latin = 1,
}
