using System.Globalization;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Registers;

public sealed record RegisterRow(int Line, string Source, string Level, string RecipientName, string? RecipientId,
    string CaseNumber, string CanonicalCaseNumber, decimal Amount, DateOnly? AwardedOn, string? Programme)
{
    public const int MaxRows = 50_000;

    /// <summary>Checks one line; every problem is reported as "field: reason" under the key <c>rows[line]</c>.</summary>
    public static (RegisterRow? Row, List<string> Problems) Check(int line, IReadOnlyList<string> f, DateOnly today)
    {
        var problems = new List<string>();
        string Cell(int i) => i < f.Count ? f[i].Trim() : "";
        // Errors name the column as the clerk's spreadsheet does: “资助来源”不能为空.
        string Name(int i) => RegisterFile.Columns[i].Quoted;
        string? Required(int i, int max)
        {
            var v = Cell(i);
            if (v.Length == 0) problems.Add($"{Name(i)}不能为空");
            else if (v.Length > max) problems.Add($"{Name(i)}不能超过 {max} 个字符");
            else return v;
            return null;
        }
        string? Optional(int i, int max)
        {
            var v = Cell(i);
            if (v.Length > max) { problems.Add($"{Name(i)}不能超过 {max} 个字符"); return null; }
            return v.Length == 0 ? null : v;
        }

        var source = Required(0, 100);
        var level = Required(1, 20);
        var recipientName = Required(2, 100);
        var recipientId = Optional(3, 18);
        var caseNumber = Required(4, 64);
        decimal amount = 0;
        if (!Yuan.TryParseMoney(Cell(5), out var yuan, out var error)) problems.Add($"{Name(5)}：{error}");
        else amount = yuan.Value;
        DateOnly? awardedOn = null;
        if (Cell(6).Length > 0)
        {
            if (!Invariant.TryParseDate(Cell(6), out var d) &&
                !(double.TryParse(Cell(6), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && TryFromSerial(serial, out d)))
                problems.Add($"{Name(6)}须为 YYYY-MM-DD 格式的日期");
            else if (d > today) problems.Add($"{Name(6)}不能晚于今天");
            else awardedOn = d;
        }
        var programme = Optional(7, 200);
        if (f.Count > RegisterFile.Header.Length && f.Skip(RegisterFile.Header.Length).Any(x => x.Trim().Length > 0))
            problems.Add("列数多于首行的列名");

        return problems.Count > 0
            ? (null, problems)
            : (new RegisterRow(line, source!, level!, recipientName!, recipientId, caseNumber!, Domain.Screening.CaseNumber.Canonical(caseNumber!),
                amount, awardedOn, programme), problems);
    }

    /// <summary>Spreadsheets store dates as day numbers from 1899-12-30.</summary>
    private static bool TryFromSerial(double serial, out DateOnly date)
    {
        date = default;
        if (serial is < 1 or > 2958465 || serial != Math.Floor(serial)) return false;
        date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return true;
    }
}
