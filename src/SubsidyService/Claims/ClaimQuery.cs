using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// What the staff lists filter on (the auditors' search, the finance bureau's lists). Parsed from the
/// query string's text, so that each bad value is refused naming its own field.
/// </summary>
public sealed record ClaimQuery(
    IReadOnlyList<string> Statuses,
    DateOnly? SubmittedFrom,
    DateOnly? SubmittedTo,
    string? Tier,
    string? Applicant,
    decimal? AmountMin,
    decimal? AmountMax,
    int Page,
    int PageSize)
{
    public const int MaxPageSize = 100;

    /// <summary>The claims this query finds, as every claim list filters them.</summary>
    public ClaimFilter Filter => new()
    {
        Statuses = Statuses, SubmittedFrom = SubmittedFrom, SubmittedTo = SubmittedTo, Tier = Tier, Applicant = Applicant,
        AmountMin = AmountMin, AmountMax = AmountMax,
    };

    public static ClaimQuery OfStatuses(params string[] statuses) => new(statuses, null, null, null, null, null, null, 1, ClaimReader.DefaultPageSize);

    public static Outcome<ClaimQuery> Parse(string? status, string? from, string? to, string? tier, string? applicant,
        string? min, string? max, int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<string>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumCodes.TryParse<ClaimStatus>(s, out _)) statuses.Add(s);
            else errors["status"] = [$"未知的状态“{s}”。"];
        }
        var (fromDate, toDate) = DateRange.Parse(from, to, "from", "to", errors);

        var tierCode = Blank(tier);
        if (tierCode is not null && !EnumCodes.TryParse<Tier>(tierCode, out _))
            errors["tier"] = [ChoiceError.Message("补助档次", tierCode, EnumCodes.AllCodes<Tier>()) + "。"];

        var name = Blank(applicant);
        if (name?.Length > 100) errors["applicant"] = ["申请人名称不能超过 100 个字符。"];

        var minAmount = Money(min, "min", "最低金额", errors);
        var maxAmount = Money(max, "max", "最高金额", errors);
        if (minAmount is { } lo && maxAmount is { } hi && hi < lo) errors["max"] = ["最高金额不能低于最低金额。"];

        if (page < 1) errors["page"] = ["页码须为不小于 1 的整数。"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"每页条数须为 1 至 {MaxPageSize}。"];

        return errors.Count > 0
            ? Refusal.Validation(errors)
            : new ClaimQuery(statuses, fromDate, toDate, tierCode, name, minAmount, maxAmount, page, pageSize);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Amounts as a clerk types them: "5000", "5,000.00" or "5000 元" (<see cref="AmountInput"/>).</summary>
    private static decimal? Money(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (Blank(text) is not { } s) return null;
        if (AmountInput.TryParse(s, allowZero: true, out var value, out var error)) return value.Value;
        errors[field] = [$"{label}：{error}。"];
        return null;
    }
}
