namespace SubsidyService.Kernel;

/// <summary>Why a request was refused, in a form both the API (problem details) and the pages (a message) can show.</summary>
public sealed record Refusal(int Status, string Code, string Title, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "validation_failed", "输入有误", "请求中有不符合要求的字段，请按提示修改。", errors);

    public static Refusal Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal NotFound(string what) => new(404, "not_found", "未找到", $"{what}不存在或您无权查看。");
    public static Refusal Forbidden(string detail) => new(403, "forbidden", "无权操作", detail);
    public static Refusal VersionConflict(int current) =>
        new(409, "version_conflict", "内容已被他人修改", $"该申请已被更新（当前版本 {current}），请刷新后重试。");

    public IResult ToResult() => Errors is not null && Status == 400
        ? Problems.Validation(Errors.ToDictionary(e => e.Key, e => e.Value), Detail)
        : Problems.Of(Status, Code, Title, Detail);

    /// <summary>One line for a page: the detail and every field error.</summary>
    public string Message => Errors is null || Errors.Count == 0
        ? Detail ?? Title
        : string.Join("；", Errors.SelectMany(e => e.Value));
}

/// <summary>A value, or the reason there is none.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public IResult ToResult(Func<T, IResult> ok) => Refusal is null ? ok(Value!) : Refusal.ToResult();
}
