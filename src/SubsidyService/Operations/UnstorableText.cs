using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>
/// Text PostgreSQL cannot store: a NUL (in a text column, or as <c>\u0000</c> in a JSON document) or bytes outside
/// UTF-8. Whatever field carried it, the statement failed and the transaction was rolled back, so nothing was kept:
/// the sender is told what to remove (400) instead of given a 500. Features that can name the field check first
/// (objections do); this is the floor under every other form and body.
/// </summary>
public sealed class UnstorableText(ILogger<UnstorableText> logger) : IExceptionHandler
{
    public const string Message = "提交的文字中含有无法保存的控制字符（如 NUL），请删除后重新提交。";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsUnstorable(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("{Method} {Path} carried text the database cannot store", http.Request.Method, http.Request.Path);
        await Refusal.Validation("body", Message).ExecuteAsync(http);
        return true;
    }

    public static bool IsUnstorable(Exception e) => e is PostgresException
    {
        SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
    };
}
