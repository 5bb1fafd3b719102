using System.Text.Json;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// An event's data as people read it. <see cref="Lines"/> picks from the event's typed record what a reader of the
/// history needs (defects asked for, a rejection's reason, a new amount, a file, a letter); <see cref="All"/> writes
/// out every field for the auditors, who must see the record as it was kept.
/// </summary>
public static class HistoryData
{
    /// <summary>The event's typed record, as the log keeps it (or as an applicant may see it).</summary>
    public static ClaimEventData? Record(HistoryView h) => EventData.Read(h.Trigger, h.Data?.GetRawText());

    public static IEnumerable<string> Lines(HistoryView h)
    {
        switch (Record(h))
        {
            case SupplementRequestedEvent { Defects.Count: > 0 } s:
                yield return "补正事项：" + string.Join("；", s.Defects);
                break;
            case RejectedEvent r:
                if (r.ReasonText is { } reasonText) yield return "驳回原因：" + reasonText;
                if (r.Letter is { } rejection) yield return $"{ClaimText.LetterKind(rejection.Kind)}：{rejection.Number}";
                break;
            case ScreeningResolvedEvent f:
                yield return $"{ClaimText.Flag(f.Code)}：{ClaimText.Resolution(f.Decision)}";
                break;
            case DocumentEvent d:
                yield return $"{ClaimText.Kind(d.Kind)}：{d.FileName}";
                break;
            case FactsRecordedEvent c:
                yield return "金额：" + ClaimText.Money(c.Amount);
                break;
            case VerifiedEvent v:
                yield return "金额：" + ClaimText.Money(v.Amount);
                break;
            case IncludedInPayoutEvent p:
                yield return "金额：" + ClaimText.Money(p.Amount);
                break;
            case RecoveryAnnouncedEvent { Amount: { } owed }:
                yield return "应退回金额：" + ClaimText.Money(owed);
                break;
            case RecoveryOpenedEvent { Recovery: { } opened }:
                yield return "追回金额：" + ClaimText.Money(opened.Amount);
                break;
            case RecoverySettledEvent { Amount: { } settled }:
                yield return "金额：" + ClaimText.Money(settled);
                break;
            case ApprovedEvent a:
                if (a.Approval.NoticeEndsOn is { } noticeEnds) yield return "公示期至：" + ClaimText.ChineseDate(noticeEnds);
                if (a.Approval.Letter is { } letter) yield return $"{ClaimText.LetterKind(letter.Kind)}：{letter.Number}";
                break;
            case ApprovalWithdrawnEvent { ApprovalUndone.RevokedLetters.Count: > 0 } w:
                yield return "已撤销决定书：" + string.Join("、", w.ApprovalUndone!.RevokedLetters);
                break;
            case FlagRaisedEvent { ApprovalUndone.RevokedLetters.Count: > 0 } f:
                yield return "已撤销决定书：" + string.Join("、", f.ApprovalUndone!.RevokedLetters);
                break;
        }
    }

    /// <summary>Every field of the data, nested names joined with “.”, arrays numbered: one “name：value” line each.</summary>
    public static IReadOnlyList<(string Name, string Value)> All(JsonElement? data)
    {
        var lines = new List<(string, string)>();
        if (data is { } d) Walk(d, "", lines);
        return lines;
    }

    private static void Walk(JsonElement e, string path, List<(string, string)> lines)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", lines);
                break;
            case JsonValueKind.Array when e.GetArrayLength() == 0:
                lines.Add((path, "（无）"));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", lines);
                break;
            case JsonValueKind.String:
                lines.Add((path, e.GetString() ?? ""));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                lines.Add((path, e.GetBoolean() ? "是" : "否"));
                break;
            case JsonValueKind.Null:
                lines.Add((path, "（空）"));
                break;
            default:
                lines.Add((path, e.GetRawText()));
                break;
        }
    }
}
