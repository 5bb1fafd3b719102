using System.Globalization;
using System.Text.RegularExpressions;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Policy;

/// <summary>
/// Turns a <see cref="PolicyVersionInput"/> into a <see cref="PolicyVersion"/> or names every bad field,
/// keyed as the API's JSON (<c>caps.legal_person</c>, <c>winningOutcomes[1]</c>). Overlaps with stored
/// versions are the store's to find.
/// </summary>
public static partial class PolicyVersionValidator
{
    public const int MaxWindowDays = 3650;
    public const int MaxNoticeDays = 60;
    public const int MaxLimitDays = 120;

    public static Outcome<PolicyVersion> Validate(PolicyVersionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var id = input.Id?.Trim();
        if (string.IsNullOrEmpty(id)) Add("id", "版本编号不能为空。");
        else if (!IdPattern().IsMatch(id)) Add("id", "版本编号须为 1 至 64 个字母、数字、点、下划线或连字符，以字母或数字开头。");

        var from = Date(input.EffectiveFrom, "effectiveFrom", "生效日期", required: true, Add);
        var to = Date(input.EffectiveTo, "effectiveTo", "失效日期", required: false, Add);
        if (from is not null && to < from) Add("effectiveTo", "失效日期不能早于生效日期。");

        var rate = Rate(input.Rate, Add);
        var caps = Caps(input.Caps, Add);
        var winning = Codes<CaseOutcome>(input.WinningOutcomes, "winningOutcomes", "胜诉结果", requireOne: true, Add);
        var regular = Codes<CaseType>(input.RegularCaseTypes, "regularCaseTypes", "普通档案件类型", requireOne: false, Add);
        var major = Codes<CaseType>(input.MajorCaseTypes, "majorCaseTypes", "涉外或重大影响档案件类型", requireOne: false, Add);

        if (input.ApplicationWindowDays is < 1 or > MaxWindowDays)
            Add("applicationWindowDays", $"申请期限须为 1 至 {MaxWindowDays} 天，不设期限请留空。");
        if (input.PublicNoticeWorkingDays is null) Add("publicNoticeWorkingDays", "公示期不能为空。");
        else if (input.PublicNoticeWorkingDays is < 0 or > MaxNoticeDays) Add("publicNoticeWorkingDays", $"公示期须为 0 至 {MaxNoticeDays} 个工作日。");

        if (input.ReviewWorkingDays is < 1 or > MaxLimitDays)
            Add("reviewWorkingDays", $"审核时限须为 1 至 {MaxLimitDays} 个工作日，不填则为 {PolicyVersion.DefaultReviewWorkingDays} 个工作日。");
        if (input.SupplementWorkingDays is < 1 or > MaxLimitDays)
            Add("supplementWorkingDays", $"补正期限须为 1 至 {MaxLimitDays} 个工作日，不填则为 {PolicyVersion.DefaultSupplementWorkingDays} 个工作日。");

        var required = RequiredDocuments(input.RequiredDocuments, Add);

        if (errors.Count > 0) return Refusal.Validation(errors);
        return new PolicyVersion(id!, from!.Value, to, rate!.Value, caps, winning, regular, major,
            input.ApplicationWindowDays, input.PublicNoticeWorkingDays!.Value)
        {
            RequiredDocuments = required,
            ReviewWorkingDays = input.ReviewWorkingDays ?? PolicyVersion.DefaultReviewWorkingDays,
            SupplementWorkingDays = input.SupplementWorkingDays ?? PolicyVersion.DefaultSupplementWorkingDays,
        };
    }

    private static DateOnly? Date(string? text, string field, string label, bool required, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) add(field, $"{label}不能为空。");
            return null;
        }
        if (Invariant.TryParseDate(text, out var date)) return date;
        add(field, $"{label}须为 YYYY-MM-DD 格式的有效日期。");
        return null;
    }

    /// <summary>A share of the fee base: more than 0, at most 1, two decimals at most ("0.50").</summary>
    private static decimal? Rate(string? text, Action<string, string> add)
    {
        if (text is not null && RatePattern().IsMatch(text))
        {
            var rate = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (rate is > 0m and <= 1m) return rate;
        }
        add("rate", "补助比例须为大于 0、不超过 1 的小数，最多两位小数，如 \"0.50\"。");
        return null;
    }

    private static Dictionary<Tier, decimal> Caps(IReadOnlyDictionary<string, string?>? caps, Action<string, string> add)
    {
        var result = new Dictionary<Tier, decimal>();
        if (caps is null)
        {
            add("caps", "各档补助上限不能为空。");
            return result;
        }
        foreach (var key in caps.Keys.Where(k => !EnumCodes.TryParse<Tier>(k, out _)))
            add($"caps.{key}", ChoiceError.Message("补助档次", key, EnumCodes.AllCodes<Tier>()) + "。");
        foreach (var tier in Enum.GetValues<Tier>())
        {
            var field = $"caps.{EnumCodes.ToCode(tier)}";
            if (!caps.TryGetValue(EnumCodes.ToCode(tier), out var text) || text is null)
                add(field, $"{ChineseNames.Of(tier)}补助上限不能为空。");
            else if (AmountInput.TryParse(text, out var cap, out var error))
                result[tier] = cap.Value;
            else
                add(field, $"{ChineseNames.Of(tier)}补助上限：{error}。");
        }
        return result;
    }

    private static HashSet<T> Codes<T>(IReadOnlyList<string?>? codes, string field, string label, bool requireOne, Action<string, string> add)
        where T : struct, Enum
    {
        var result = new HashSet<T>();
        if (codes is null || (requireOne && codes.Count == 0))
        {
            add(field, requireOne ? $"{label}至少选择一项。" : $"{label}不能为空（可为空数组）。");
            return result;
        }
        for (var i = 0; i < codes.Count; i++)
        {
            if (EnumCodes.TryParse<T>(codes[i], out var value)) result.Add(value);
            else add($"{field}[{i}]", ChoiceError.Message(label, codes[i], EnumCodes.AllCodes<T>()) + "。");
        }
        return result;
    }

    /// <summary>Absent: the default list. Present: the kinds named, in their order, each once (an empty list requires nothing).</summary>
    private static IReadOnlyList<DocumentKind> RequiredDocuments(IReadOnlyList<string?>? codes, Action<string, string> add)
    {
        if (codes is null) return Materials.DefaultRequired;
        var result = new List<DocumentKind>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (!EnumCodes.TryParse<DocumentKind>(codes[i], out var kind))
                add($"requiredDocuments[{i}]", ChoiceError.Message("必需材料类型", codes[i], EnumCodes.AllCodes<DocumentKind>()) + "。");
            else if (kind == DocumentKind.Other)
                add($"requiredDocuments[{i}]", "“其他材料”不能列为必需材料。");
            else if (!result.Contains(kind)) result.Add(kind);
        }
        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[01](\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();
}
