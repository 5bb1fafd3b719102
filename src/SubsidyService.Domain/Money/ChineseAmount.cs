using System.Text;

namespace SubsidyService.Domain.Money;

/// <summary>
/// The capital-numeral form of an amount as written on financial documents (人民币伍仟元整),
/// following the zero conventions of 会计基础工作规范: one 零 stands for any run of zeros
/// between non-zero digits, including runs that cross a 万 or 亿 boundary.
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] PlaceUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿"];
    private static readonly int[] PlaceValues = [1, 10, 100, 1000];

    /// <summary>Largest amount written: the group units stop at 亿.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public static string Format(decimal amount)
    {
        if (amount < 0m || amount > MaxAmount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "金额须在 0 至 999999999999.99 之间");

        var fen = (long)(Math.Round(amount, 2, MidpointRounding.AwayFromZero) * 100m);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var fenDigit = (int)(fen % 10);

        var sb = new StringBuilder("人民币");
        if (yuan > 0)
            sb.Append(FormatInteger(yuan)).Append('元');
        else if (jiao == 0 && fenDigit == 0)
            return "人民币零元整";

        if (jiao == 0 && fenDigit == 0)
            return sb.Append('整').ToString();

        if (jiao > 0)
            sb.Append(Digits[jiao]).Append('角');
        else if (yuan > 0)
            sb.Append('零');

        if (fenDigit > 0)
            sb.Append(Digits[fenDigit]).Append('分');
        else
            sb.Append('整');

        return sb.ToString();
    }

    private static string FormatInteger(long value)
    {
        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 10_000)
            groups.Add((int)(rest % 10_000));

        var sb = new StringBuilder();
        var zeroPending = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0)
            {
                // A whole silent group between written ones still needs its single 零.
                zeroPending = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0 && (zeroPending || group < 1000))
                sb.Append('零');
            sb.Append(FormatGroup(group)).Append(GroupUnits[g]);
            zeroPending = false;
        }

        return sb.ToString();
    }

    /// <summary>A group of four digits without leading zeros; inner zero runs become one 零, trailing ones vanish.</summary>
    private static string FormatGroup(int group)
    {
        var sb = new StringBuilder();
        var zeroRun = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = group / PlaceValues[place] % 10;
            if (digit == 0)
            {
                zeroRun = sb.Length > 0;
                continue;
            }

            if (zeroRun)
                sb.Append('零');
            sb.Append(Digits[digit]).Append(PlaceUnits[place]);
            zeroRun = false;
        }

        return sb.ToString();
    }
}
