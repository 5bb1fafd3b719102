namespace SubsidyService.Letters;

/// <summary>
/// Line breaking for Chinese text mixed with Latin words and numbers (a small part of UAX #14 and of the
/// 避头尾 rules of GB/T 15834): a line may break between any two CJK characters, never inside a Latin word or a
/// number, never before closing punctuation (，。）》”…) and never after opening punctuation (（《“).
/// Text is handled as Unicode code points, so characters outside the BMP never split.
/// </summary>
public static class LineBreaker
{
    /// <summary>May not start a line.</summary>
    private const string Closing =
        "，。、；：？！）」』》〉】〕〗〙〛〞”’…‥·・％‰℃°々ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ" +
        "．，：；！？）］｝～" + ",.;:!?)]}%";

    /// <summary>May not end a line.</summary>
    private const string Opening = "（「『《〈【〔〖〘〚〝“‘￥＄［｛" + "([{$£¥";

    /// <summary>Pairs of these (——, ……) are one mark and stay together.</summary>
    private const string Doubled = "—…";

    public static bool IsClosing(int c) => c <= 0xFFFF && Closing.Contains((char)c);

    public static bool IsOpening(int c) => c <= 0xFFFF && Opening.Contains((char)c);

    /// <summary>CJK ideographs, kana, hangul, CJK and full-width punctuation: each one a unit of its own.</summary>
    public static bool IsCjk(int c) =>
        c is >= 0x2E80 and <= 0x9FFF
            or >= 0xAC00 and <= 0xD7AF
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE10 and <= 0xFE1F
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFFEF
            or >= 0x20000 and <= 0x3FFFF
        || IsGeneralPunctuationUsedAsCjk(c);

    /// <summary>Marks of the General Punctuation block that Chinese text sets full-width: “ ” ‘ ’ — … ·.</summary>
    private static bool IsGeneralPunctuationUsedAsCjk(int c) => c is 0x2014 or 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x00B7;

    private static bool IsSpace(int c) => c is ' ' or '\t' or 0x3000 or 0x00A0;

    /// <summary>Part of a Latin word or number: anything that is neither CJK nor space.</summary>
    private static bool IsWordPart(int c) => !IsCjk(c) && !IsSpace(c);

    /// <summary>Whether a line may break between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static bool CanBreakBetween(int before, int after)
    {
        if (IsSpace(after)) return false; // spaces hang at the end of the line they follow
        if (IsClosing(after)) return false;
        if (IsOpening(before)) return false;
        if (IsSpace(before)) return true;
        if (before == after && Doubled.Contains((char)before)) return false;
        if (IsWordPart(before) && IsWordPart(after)) return false;
        return true;
    }

    /// <summary>The code points of a string.</summary>
    public static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
            result.Add(rune.Value);
        return [.. result];
    }

    /// <summary>
    /// Splits a paragraph into lines no wider than <paramref name="width"/> (the first line
    /// <paramref name="firstLineIndent"/> narrower). Each line is a range of <paramref name="codePoints"/> with the
    /// spaces around the break left out. A unit wider than a whole line (a very long number) is cut where it
    /// must. <paramref name="advances"/> holds the width of each code point.
    /// </summary>
    public static List<Range> Break(ReadOnlySpan<int> codePoints, ReadOnlySpan<float> advances, float width, float firstLineIndent = 0f)
    {
        if (advances.Length != codePoints.Length)
            throw new ArgumentException("one advance per code point", nameof(advances));

        var lines = new List<Range>();
        var start = SkipSpaces(codePoints, 0);
        var available = width - firstLineIndent;
        while (start < codePoints.Length)
        {
            var end = FitLine(codePoints, advances, start, available);
            lines.Add(new Range(start, TrimEnd(codePoints, start, end)));
            start = SkipSpaces(codePoints, end);
            available = width;
        }
        return lines;
    }

    /// <summary>Convenience for callers and tests with a width function: the lines as strings.</summary>
    public static List<string> Break(string text, float width, Func<int, float> advance, float firstLineIndent = 0f)
    {
        var codePoints = CodePoints(text);
        var advances = codePoints.Select(advance).ToArray();
        return Break(codePoints, advances, width, firstLineIndent)
            .Select(r => string.Concat(codePoints[r].Select(char.ConvertFromUtf32)))
            .ToList();
    }

    /// <summary>The end (exclusive) of the line that starts at <paramref name="start"/>.</summary>
    private static int FitLine(ReadOnlySpan<int> cps, ReadOnlySpan<float> advances, int start, float available)
    {
        var used = 0f;       // width up to i, trailing spaces included
        var inked = 0f;      // width up to the last non-space, which is what must fit
        var lastBreak = -1;  // the last position after start where the line may end
        for (var i = start; i < cps.Length; i++)
        {
            if (i > start && CanBreakBetween(cps[i - 1], cps[i]))
                lastBreak = i;
            used += advances[i];
            if (!IsSpace(cps[i]))
                inked = used;
            if (inked > available + 0.01f && i > start)
                return lastBreak > start ? lastBreak : i;
        }
        return cps.Length;
    }

    private static int SkipSpaces(ReadOnlySpan<int> cps, int i)
    {
        while (i < cps.Length && IsSpace(cps[i])) i++;
        return i;
    }

    private static int TrimEnd(ReadOnlySpan<int> cps, int start, int end)
    {
        while (end > start && IsSpace(cps[end - 1])) end--;
        return end;
    }
}
