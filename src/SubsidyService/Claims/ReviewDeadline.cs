namespace SubsidyService.Claims;

/// <summary>
/// 审核时限: a claim's review is due within the policy version's working days of its latest submission. The clock runs
/// only while the claim waits for the bureau (submitted, under review); a claim waiting for the applicant's
/// supplement is not overdue, and its resubmission sets a new due date.
/// </summary>
public static class ReviewDeadline
{
    /// <summary>The statuses in which the review's clock runs.</summary>
    public static readonly IReadOnlyList<string> Running = ["submitted", "under_review"];

    public static bool Overdue(string status, DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due && due < today && Running.Contains(status);

    public static bool Overdue(string status, DateTime? dueOn, DateOnly today) =>
        Overdue(status, dueOn is { } d ? DateOnly.FromDateTime(d) : null, today);

    /// <summary>The SQL test of <see cref="Overdue(string, DateOnly?, DateOnly)"/> over claims c, with @today.</summary>
    public const string OverdueSql = "(c.status IN ('submitted', 'under_review') AND c.review_due_on < @today::date)";
}
