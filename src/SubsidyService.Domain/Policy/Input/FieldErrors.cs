using System.Globalization;
using System.Text.RegularExpressions;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Policy;

/// <summary>Collects errors per field while reading raw input, so every bad field is reported at once.</summary>
internal sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public int Count => errors.Count;

    public void Add(string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public string? Text(string key, string label, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
                Add(key, $"{label}不能为空");
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(key, $"{label}不能超过 {maxLength} 个字符");
            return null;
        }

        return trimmed;
    }

    public T? Enum<T>(string key, string label, string? code) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(code))
        {
            Add(key, $"{label}不能为空");
            return null;
        }

        if (EnumCodes.TryParse<T>(code, out var value))
            return value;

        Add(key, ChoiceError.Message(label, code, EnumCodes.AllCodes<T>()));
        return null;
    }

    public bool? Flag(string key, string label, bool? value)
    {
        if (value is null)
            Add(key, $"{label}不能为空");
        return value;
    }

    /// <summary>An amount as people write it (<see cref="AmountInput"/>): "8,000", "８０００", "8000元" all read as 8000.00.</summary>
    public decimal? Money(string key, string label, string? text, bool allowZero = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(key, $"{label}不能为空");
            return null;
        }

        if (AmountInput.TryParse(text, allowZero, out var value, out var error))
            return value.Value;

        Add(key, $"{label}：{error}");
        return null;
    }

    /// <summary>Strictly YYYY-MM-DD, and not after today when <paramref name="notAfter"/> is given.</summary>
    public DateOnly? Date(string key, string label, string? text, DateOnly? notAfter, bool required = true)
    {
        if (text is null)
        {
            if (required)
                Add(key, $"{label}不能为空");
            return null;
        }

        if (!IsoDate().IsMatch(text) ||
            !Invariant.TryParseDate(text, out var date))
        {
            Add(key, $"{label}须为 YYYY-MM-DD 格式的有效日期");
            return null;
        }

        if (date > notAfter)
        {
            Add(key, $"{label}不能晚于今天（{Invariant.Date(notAfter.Value)}）");
            return null;
        }

        return date;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
