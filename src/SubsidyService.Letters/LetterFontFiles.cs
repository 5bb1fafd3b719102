namespace SubsidyService.Letters;

/// <summary>
/// The two fonts letters are set in, from Debian's packages: a CJK font and a Latin one for digits and Latin
/// letters (the CJK font's Latin glyphs are poor). Configuration: <c>Letters:CjkFontFile</c>, <c>Letters:LatinFontFile</c>.
/// </summary>
public sealed record LetterFontFiles(string CjkFontFile, string LatinFontFile)
{
    /// <summary>From fonts-droid-fallback and fonts-dejavu-core.</summary>
    public static LetterFontFiles Debian { get; } = new(
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}
