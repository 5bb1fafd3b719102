using Dapper;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>
/// What a list of claims is narrowed by, whichever list it is: a role's own list (<see cref="ClaimReader.ListAsync"/>)
/// or the staff's search (<see cref="ClaimSearch"/>). The one place a claim list's WHERE is written.
/// </summary>
public sealed record ClaimFilter
{
    /// <summary>Only this applicant's claims; null: every claim (staff).</summary>
    public Guid? Owner { get; init; }

    /// <summary>Any of these statuses; none: every status.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>A role list's search box: a case number, an applicant's name or an application number.</summary>
    public string? Text { get; init; }

    /// <summary>The staff search's applicant box: an applicant's name or an application number.</summary>
    public string? Applicant { get; init; }

    public DateOnly? SubmittedFrom { get; init; }

    /// <summary>The last day submitted on, itself included.</summary>
    public DateOnly? SubmittedTo { get; init; }

    public decimal? AmountMin { get; init; }
    public decimal? AmountMax { get; init; }
    public string? Tier { get; init; }

    /// <summary>Only the claims whose review is overdue on this day (<see cref="ReviewDeadline"/>).</summary>
    public DateOnly? OverdueOn { get; init; }

    /// <summary>Nothing but statuses narrows every claim: the total is then known from the counts table, without reading claims.</summary>
    public bool OnlyStatuses => Owner is null && Text is null && Applicant is null && SubmittedFrom is null && SubmittedTo is null
                                && AmountMin is null && AmountMax is null && Tier is null && OverdueOn is null;

    /// <summary>The WHERE over claims c, with only the terms this filter sets, and its arguments.</summary>
    internal (string Where, DynamicParameters Args) ToSql()
    {
        var terms = new List<string>();
        var args = new DynamicParameters();
        void Add(string term, string name, object? value)
        {
            terms.Add(term);
            args.Add(name, value);
        }

        if (Owner is { } me) Add("c.applicant_id = @me", "me", me);
        if (Statuses.Count > 0) Add("c.status = ANY(@statuses)", "statuses", Statuses.ToArray());
        if (Text is { } text) terms.Add(Matching(text, "q", caseNumber: true, args));
        if (Applicant is { } applicant) terms.Add(Matching(applicant, "applicant", caseNumber: false, args));
        if (SubmittedFrom is { } from) Add("c.submitted_at >= @from", "from", StartOf(from));
        if (SubmittedTo is { } to) Add("c.submitted_at < @to", "to", StartOf(to.AddDays(1)));
        if (AmountMin is { } min) Add("c.amount >= @min", "min", min);
        if (AmountMax is { } max) Add("c.amount <= @max", "max", max);
        if (Tier is { } tier) Add("c.tier = @tier", "tier", tier);
        if (OverdueOn is { } today) Add(ReviewDeadline.OverdueSql, "today", today.ToDateTime(TimeOnly.MinValue));
        return (terms.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", terms), args);
    }

    /// <summary>
    /// A search box's term. A number with its year names one claim: a lookup in the unique index, not one more arm of
    /// a scanned OR; otherwise the name, the tail of an application number and (for a role's list) the case number.
    /// </summary>
    private static string Matching(string text, string name, bool caseNumber, DynamicParameters args)
    {
        var number = ApplicationNumbers.SearchTail(text);
        if (ApplicationNumbers.Exact(text) is { } exact)
        {
            args.Add(name + "Number", exact);
            return $"c.application_number = @{name}Number";
        }
        var arms = new List<string> { $"c.applicant_name ILIKE '%' || @{name} || '%'" };
        args.Add(name, Like.Escape(text));
        if (caseNumber)
        {
            arms.Insert(0, $"c.canonical_case_number LIKE '%' || @{name}Canonical || '%'");
            args.Add(name + "Canonical", Like.Escape(Domain.Screening.CaseNumber.Canonical(text)));
        }
        if (number is not null)
        {
            arms.Add($"c.application_number LIKE '%' || @{name}Number");
            args.Add(name + "Number", Like.Escape(number));
        }
        return "(" + string.Join(" OR ", arms) + ")";
    }

    private static DateTime StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
}
