namespace SubsidyService.Letters;

/// <summary>
/// A4 with the margins of GB/T 9704-2012 (版心 156 mm × 225 mm: top 37 mm, left 28 mm), in PDF points.
/// The body is set smaller than the standard's 三号 (16 pt) so a letter with its table of figures stays short.
/// </summary>
internal static class PageGeometry
{
    public const float Mm = 72f / 25.4f;

    public const float Width = 210f * Mm;
    public const float Height = 297f * Mm;
    public const float Left = 28f * Mm;
    public const float Top = 37f * Mm;
    public const float ContentWidth = 156f * Mm;
    public const float ContentHeight = 225f * Mm;
    public const float Right = Left + ContentWidth;
    public const float Bottom = Top + ContentHeight;

    /// <summary>页码: 7 mm below the 版心.</summary>
    public const float PageNumberTop = Bottom + 7f * Mm;

    public const float BodySize = 14f;        // 四号
    public const float BodyLeading = 25f;
    public const float TitleSize = 22f;       // 二号
    public const float HeaderMaxSize = 30f;
    public const float NumberSize = 14f;
    public const float TableSize = 11.5f;
    public const float TableLeading = 17f;
    public const float TablePadding = 4f;
    public const float ListSize = 10.5f;      // 五号
    public const float ListLeading = 16.5f;
    public const float QrSize = 25f * Mm;
    public const float SealRadius = 21f * Mm; // a 42 mm seal
}
