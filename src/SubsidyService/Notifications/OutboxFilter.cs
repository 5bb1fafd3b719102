using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>What the admin's list of the outbox filters on: statuses (none: every message) and text in the recipient's address or name.</summary>
public sealed record OutboxFilter(IReadOnlyList<string> Statuses, string? Recipient)
{
    public static readonly IReadOnlyList<string> AllStatuses = ["pending", "dead", "sent"];

    public const int MaxRecipientLength = 100;

    /// <summary>The columns the list sorts by: when the message was written, how often it was tried.</summary>
    public static readonly SortKeys Sorts = new("m.id", new Dictionary<string, string>
    {
        ["created"] = "m.created_at",
        ["attempts"] = "m.attempts",
    });

    public static Outcome<OutboxFilter> Parse(string? status, string? recipient)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<string>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AllStatuses.Contains(s)) statuses.Add(s);
            else errors["status"] = [ChoiceError.Message("邮件状态", s, AllStatuses, "（可用逗号分隔多个）") + "。"];
        }
        var text = string.IsNullOrWhiteSpace(recipient) ? null : recipient.Trim();
        if (text?.Length > MaxRecipientLength) errors["q"] = [$"收件人搜索词不能超过 {MaxRecipientLength} 个字符。"];
        return errors.Count > 0 ? Refusal.Validation(errors) : new OutboxFilter(statuses, text);
    }
}
