using System.Diagnostics.CodeAnalysis;

namespace SubsidyService.Kernel;

/// <summary>
/// The one way to say "refused": why, in a form both the API and the pages can show. An endpoint returns it
/// as it is (it is an <see cref="IResult"/>), a page shows its <see cref="Message"/> or its field errors; it
/// becomes RFC 9457 problem details in <see cref="Problems.From"/> only.
/// </summary>
public sealed record Refusal(int Status, string Code, string Title, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
    : IResult
{
    /// <summary>What a refusal without any field error says: nothing to point at, so it asks to look again.</summary>
    public const string ValidationDetail = "填写的内容有误，请检查后重试。";

    public static Refusal Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(400, "validation_failed", "输入有误", detail ?? DetailNaming(errors), errors);

    /// <summary>
    /// The detail names what to correct, in the fields' own words (each message starts with its field's label),
    /// so that a client showing only the detail still tells the person what is wrong: "请修改：维权代理费：小数点后最多两位".
    /// </summary>
    public static string DetailNaming(IReadOnlyDictionary<string, string[]> errors)
    {
        var messages = errors.SelectMany(e => e.Value).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (messages.Count == 0) return ValidationDetail;
        const int shown = 5;
        var text = string.Join("；", messages.Take(shown).Select(m => m.TrimEnd('。', '；')));
        return messages.Count > shown ? $"请修改：{text}；另有 {messages.Count - shown} 处，见各项的提示。" : $"请修改：{text}。";
    }

    public static Refusal Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal NotFound(string what = "资源") => new(404, "not_found", "未找到", $"{what}不存在或您无权查看。");
    public static Refusal Forbidden(string? detail = null) => new(403, "forbidden", "无权操作", detail ?? "您的角色不能执行此操作。");
    public static Refusal Unauthorized(string code, string detail) => new(401, code, "未登录或凭据无效", detail);
    public static Refusal Conflict(string code, string title, string? detail = null) => new(409, code, title, detail);
    public static Refusal VersionConflict(int current) =>
        new(409, "version_conflict", "内容已被他人修改", $"该申请已被更新（当前版本 {current}），请刷新后重试。");

    public IResult ToResult() => Problems.From(this);

    public Task ExecuteAsync(HttpContext httpContext) => ToResult().ExecuteAsync(httpContext);

    /// <summary>The field errors, or none: what a page's form shows beside its fields.</summary>
    public Dictionary<string, string[]> FieldErrors => Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];

    /// <summary>One line for a page: the detail and every field error.</summary>
    public string Message => Errors is null || Errors.Count == 0
        ? Detail ?? Title
        : string.Join("；", Errors.SelectMany(e => e.Value));
}

/// <summary>A value, or the reason there is none.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    /// <summary>The value when there is one, else the refusal: <c>if (!outcome.TryGet(out var value, out var refusal)) return refusal;</c></summary>
    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Refusal? refusal)
    {
        value = Value!;
        refusal = Refusal;
        return refusal is null;
    }
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public IResult ToResult(Func<T, IResult> ok) => Refusal is null ? ok(Value!) : Refusal;
}
