namespace SubsidyService.Operations.Startup;

/// <summary>
/// The cron forms Hangfire accepts (five fields, or six with seconds first), checked at start-up: Hangfire
/// itself only parses a schedule when the job is put in place, and a bad one then aborts the process.
/// </summary>
public static class CronSyntax
{
    private static readonly (int Min, int Max)[] FiveFields = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static bool IsValid(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            if (!Field(fields[0], 0, 59, null)) return false;
            fields = fields[1..];
        }
        if (fields.Length != 5) return false;
        return Enumerable.Range(0, 5).All(i => Field(fields[i], FiveFields[i].Min, FiveFields[i].Max, i switch { 3 => Months, 4 => Days, _ => null }));
    }

    private static bool Field(string field, int min, int max, string[]? names) =>
        field.Split(',').All(item =>
        {
            var parts = item.Split('/');
            if (parts.Length > 2 || (parts.Length == 2 && !(int.TryParse(parts[1], out var step) && step > 0))) return false;
            var range = parts[0];
            if (range is "*" or "?") return true;
            // Day-of-month and day-of-week extras (L, W, #) pass on their digits.
            range = range.TrimEnd('L', 'W');
            if (range.Length == 0) return true;
            if (range.Split('#') is [var day, var nth]) return Value(day, min, max, names) && nth is "1" or "2" or "3" or "4" or "5";
            return range.Split('-') switch
            {
                [var one] => Value(one, min, max, names),
                [var from, var to] => Value(from, min, max, names) && Value(to, min, max, names),
                _ => false,
            };
        });

    private static bool Value(string text, int min, int max, string[]? names)
    {
        if (names is not null && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) >= 0) return true;
        return int.TryParse(text, out var n) && n >= min && n <= max;
    }
}
