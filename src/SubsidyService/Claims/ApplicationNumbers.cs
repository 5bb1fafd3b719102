using System.Globalization;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// 受理编号: "2026-000123", the year of the first submission and its place in that year. Taken from the year's row in
/// <c>application_number_sequences</c> inside the submitting transaction: the row stays locked until the submission
/// ends, and a submission rolled back gives its number back, so a year's numbers have no gaps.
/// </summary>
public static class ApplicationNumbers
{
    public static string Format(int year, int seq) =>
        year.ToString(CultureInfo.InvariantCulture) + "-" + seq.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>The year's next number, in the caller's batch.</summary>
    public static SqlBatch.Pending<int> Next(SqlBatch batch, int year) =>
        batch.Read("""
            INSERT INTO application_number_sequences (year, last_seq) VALUES (@applicationYear, 1)
            ON CONFLICT (year) DO UPDATE SET last_seq = application_number_sequences.last_seq + 1
            RETURNING last_seq
            """, new { applicationYear = year }, grid => grid.ReadSingleAsync<int>());

    /// <summary>
    /// The one number a term names with its year ("2026-000123", "2026-123"), found through the unique index; null for
    /// a term without a year, which is matched as a tail among the other words of a search.
    /// </summary>
    public static string? Exact(string? text) => text is null ? null : SearchTail(text) is { } n && !n.StartsWith('-') ? n : null;

    /// <summary>
    /// A search term as the tail of the application numbers it finds: "2026-000123" (or "2026-123") finds that number,
    /// "123" or "000123" the 123rd of any year; null when the term is not shaped like a number.
    /// </summary>
    public static string? SearchTail(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))) return null;
        var seqText = parts[^1];
        if (seqText.Length > 6 || !int.TryParse(seqText, CultureInfo.InvariantCulture, out var seq) || seq == 0) return null;
        if (parts.Length == 1) return "-" + seq.ToString("000000", CultureInfo.InvariantCulture);
        return parts[0].Length == 4 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) ? Format(year, seq) : null;
    }
}
