using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Registers;

public static class RegisterEndpoints
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static void MapRegisterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/registers/external-funding", async (HttpContext http, ClaimsPrincipal user, RegisterImport import) =>
        {
            var (file, problem) = await ReadFileAsync(http);
            if (problem is not null) return problem;
            return (await import.ImportAsync(Actor.From(user), file!.Name, file.Content)).ToResult(Results.Ok);
        })
        // The role is checked before the body is read: nobody else gets to make the service read 20 MB.
        .RequireAuthorization(Accounts.Roles.Verifier)
        .DisableAntiforgery()
        .WithTags("Registers")
        .Accepts<string>("text/csv", "multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .Produces<ImportResult>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .WithSummary("Import an other-level funding register (CSV or .xlsx; the English header of API.md or the Chinese one 资助来源,级别,受助人,证件号码,案号,金额,资助日期,资助项目, in any order): all rows or none; live claims are screened again");
    }

    /// <summary>The file as a raw body (CSV or .xlsx) or as the <c>file</c> field of a form.</summary>
    private static async Task<Outcome<RegisterUpload>> ReadFileAsync(HttpContext http)
    {
        var tooLarge = new Refusal(413, "payload_too_large", "文件过大", $"名录文件不能超过 {MaxFileBytes / 1024 / 1024} MB。");
        // Refused by the declared size before anything is read; a body without one is cut off at the limit.
        if (http.Request.ContentLength > MaxFileBytes + FormEnvelope) return tooLarge;
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxFileBytes + FormEnvelope });
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return tooLarge;
            }
            catch (IOException)
            {
                return Refusal.Validation("file", "请求体不是有效的 multipart/form-data。");
            }
            var file = form.Files.GetFile("file");
            if (file is null) return Refusal.Validation("file", "请选择名录文件（CSV 或 .xlsx）。");
            if (file.Length > MaxFileBytes) return tooLarge;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return new RegisterUpload(Path.GetFileName(file.FileName), buffer.ToArray());
        }
        var body = await ReadAtMostAsync(http.Request.Body, MaxFileBytes, http.RequestAborted);
        if (body is null) return tooLarge;
        return new RegisterUpload("upload" + (RegisterFile.IsXlsx(body) ? ".xlsx" : ".csv"), body);
    }

    private sealed record RegisterUpload(string Name, byte[] Content);

    private const long FormEnvelope = 64 * 1024;

    /// <returns>The body, or null when it is longer than <paramref name="limit"/> (reading stops there).</returns>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
