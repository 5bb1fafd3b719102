using System.Security.Claims;
using SubsidyService.Claims;
using SubsidyService.Operations;

namespace SubsidyService.Registers;

public static class RegisterEndpoints
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static void MapRegisterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/registers/external-funding", async (HttpContext http, ClaimsPrincipal user, RegisterImport import) =>
        {
            var (name, content, problem) = await ReadFileAsync(http);
            if (problem is not null) return problem;
            return (await import.ImportAsync(Actor.From(user), name!, content!)).ToResult(Results.Ok);
        })
        .RequireAuthorization()
        .DisableAntiforgery()
        .WithTags("Registers")
        .Accepts<string>("text/csv", "multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .Produces<ImportResult>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .WithSummary("Import an other-level funding register (CSV or .xlsx): all rows or none; live claims are screened again");
    }

    /// <summary>The file as a raw body (CSV or .xlsx) or as the <c>file</c> field of a form.</summary>
    private static async Task<(string? Name, byte[]? Content, IResult? Problem)> ReadFileAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxFileBytes)
            return (null, null, Problems.Of(413, "payload_too_large", "文件过大", "名录文件不能超过 20 MB。"));
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            if (file is null) return (null, null, Problems.Validation("file", "请选择名录文件（CSV 或 .xlsx）。"));
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return (Path.GetFileName(file.FileName), buffer.ToArray(), null);
        }
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        if (body.Length > MaxFileBytes)
            return (null, null, Problems.Of(413, "payload_too_large", "文件过大", "名录文件不能超过 20 MB。"));
        return ("upload" + (RegisterFile.IsXlsx(body.ToArray()) ? ".xlsx" : ".csv"), body.ToArray(), null);
    }
}
