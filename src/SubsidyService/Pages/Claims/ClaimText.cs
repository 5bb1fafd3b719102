using System.Globalization;
using Microsoft.AspNetCore.Html;
using SubsidyService.Claims.Documents;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// How the claim pages word codes, money and time: the API speaks in snake_case codes and "4000.00",
/// a clerk reads 审核中 and "4,000.00 元" in China time.
/// </summary>
public static class ClaimText
{
    /// <summary>A list's total: a figure, or "10,000+" for a search counted only up to <see cref="ListPage.CountCap"/>.</summary>
    public static string Total(long total, bool counted) => counted && ListPage.IsCapped(total)
        ? ListPage.CountCap.ToString("#,0", CultureInfo.InvariantCulture) + "+"
        : total.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The API's rate ("0.50") as a clerk reads it: 50%.</summary>
    public static string Rate(string? rate) =>
        decimal.TryParse(rate, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) ? Invariant.Percent(r) : rate ?? "—";

    public static string Money(string? amount) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Money(value) : "—";

    public static string Money(decimal amount) => Grouped(amount) + " 元";

    /// <summary>The figure alone, in thousands: 12,345.00.</summary>
    public static string Grouped(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Grouped(string? amount) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Grouped(value) : amount ?? "—";

    /// <summary>An instant as a clerk writes it, in China time: 2026年11月23日 14:05.</summary>
    public static string Time(DateTime utc)
    {
        var china = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset);
        return ChineseDate(DateOnly.FromDateTime(china.DateTime)) + " " + china.ToString("HH':'mm", CultureInfo.InvariantCulture);
    }

    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "—";

    /// <summary>A China date: an instant's date in China time, or a date column as stored.</summary>
    public static string Date(DateTime? utc) => utc is { } t ? ChineseDate(ChinaTime.DateOf(t)) : "—";

    public static string Day(DateTime? date) => date is { } d ? ChineseDate(DateOnly.FromDateTime(d)) : "—";

    public static string Day(DateOnly? date) => date is { } d ? ChineseDate(d) : "—";

    /// <summary>A date as clerks write it in letters and notices: 2026年5月8日.</summary>
    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The instant for a &lt;time datetime&gt; attribute: ISO 8601 with China's offset.</summary>
    public static string IsoTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string ChineseDate(string? isoDate) =>
        Invariant.TryParseDate(isoDate, out var d) ? ChineseDate(d) : isoDate ?? "—";

    public static string LetterKind(string? kind) => kind switch
    {
        "approval" => "补助核准通知书",
        "rejection" => "不予补助告知书",
        "recovery_notice" => "追回告知书",
        _ => kind ?? "",
    };

    public static string Status(string? code) => Name<ClaimStatus>(code, ClaimNames.Of);

    /// <summary>The workflow's <see cref="ClaimWorkflow.CanEditFacts"/> for a status code.</summary>
    public static bool Editable(string? statusCode) =>
        EnumCodes.TryParse<ClaimStatus>(statusCode, out var status) && ClaimWorkflow.CanEditFacts(status);

    public static HtmlString StatusBadge(string? code) =>
        new($"<span class=\"badge st-{Encode(code)}\">{Encode(Status(code))}</span>");

    public static string ApplicantType(string? code) => Name<Domain.Policy.ApplicantType>(code, ChineseNames.Of);

    public static string CaseType(string? code) => Name<Domain.Policy.CaseType>(code, ChineseNames.Of);

    public static string Outcome(string? code) => Name<Domain.Policy.CaseOutcome>(code, ChineseNames.Of);

    /// <summary>Facts stored before the question was asked are a plaintiff's (POLICY.md's default).</summary>
    public static string PartyRole(string? code) => Name<Domain.Policy.PartyRole>(code ?? "plaintiff", ChineseNames.Of);

    public static string Tier(string? code) => code is null ? "不适用" : Name<Domain.Policy.Tier>(code, ChineseNames.Of);

    public static string YesNo(bool? value) => value is { } v ? ChineseNames.YesNo(v) : "未填";

    public static string Kind(string? code) => code is not null && DocumentRow.Kinds.TryGetValue(code, out var name) ? name : code ?? "";

    /// <summary>History also records what is not a workflow trigger: creation, edits and documents.</summary>
    public static string Event(string code) => code switch
    {
        "create" => "创建草稿",
        "edit" => "修改申请",
        "document_added" => "上传材料",
        "document_removed" => "删除材料",
        "screening_flag" => "新增筛查标记",
        "recovery_proposed" => "建议追回",
        "recovery_dismissed" => "排除追回建议",
        "objection_recorded" => "登记公示异议",
        "objection_dismissed" => "答复并驳回异议",
        _ => Name<ClaimTrigger>(code, ClaimNames.Of),
    };

    /// <summary>Who acted, by role: the account's role, or the service itself.</summary>
    public static string? ActorRole(string? role) => role switch
    {
        null => null,
        "system" => "系统",
        _ => Accounts.Roles.DisplayName(role),
    };

    public static string Trigger(string code) => Name<ClaimTrigger>(code, ClaimNames.Of);

    public static string Flag(string code) => code switch
    {
        "shared_case" => "同一案件另有其他申请人",
        "external_funding_match" => "外部资助名录匹配",
        "duplicate_claim" => "重复申请",
        "invoice_reused" => "发票重复使用",
        _ => code,
    };

    public static string Resolution(string? decision) => decision switch
    {
        null => "待处理",
        "confirm" => "已确认",
        "dismiss" => "已排除",
        _ => decision,
    };

    public static string Size(int bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Name<T>(string? code, Func<T, string> name) where T : struct, Enum =>
        EnumCodes.TryParse<T>(code, out var value) ? name(value) : code ?? "";

    private static string Encode(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
}
