namespace SubsidyService.Objections;

/// <summary>
/// An objection as staff and auditors see it: the objector and contact in clear (they read the objection's own row,
/// never the log), the outcome (<c>open</c>, <c>sustained</c>, <c>dismissed</c>) and the reply.
/// </summary>
public sealed record ObjectionView(Guid Id, Guid ClaimId, string ApplicantName, string CaseNumber, string? Objector, string? Contact,
    string Content, DateTime ReceivedAt, string RecordedBy, string Outcome, string? Reply, string? HandledBy, DateTime? HandledAt)
{
    public const string Open = "open";
    public static readonly string[] Outcomes = [Open, "sustained", "dismissed"];

    public static ObjectionView Of(ObjectionRow o) => new(o.Id, o.ClaimId, o.ApplicantName, o.CaseNumber, o.Objector, o.Contact,
        o.Content, o.ReceivedAt, o.RecordedByName, o.Outcome ?? Open, o.Reply, o.HandledByName, o.HandledAt);
}
