using System.Security.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Documents;

public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var docs = app.MapGroup("/api/v1/claims/{id:guid}/documents").WithTags("Claims").RequireAuthorization();

        docs.MapPost("/", async (Guid id, HttpContext http, ClaimsPrincipal user, DocumentService documents) =>
        {
            if (!http.Request.HasFormContentType)
                return new Refusal(415, "unsupported_media_type", "不支持的内容类型", "请以 multipart/form-data 上传：字段 kind 和 file。");
            if (await documents.RefuseBeforeReadingAsync(Actor.From(user), id, http.Request.ContentLength) is { } early) return early;
            // A body without Content-Length (chunked) is cut off at the same size while it streams in.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = DocumentService.MaxBytes + 64 * 1024;
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync();
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return new Refusal(413, "payload_too_large", "文件过大", $"单个文件不能超过 {DocumentService.MaxBytes / 1024 / 1024} MB。");
            }
            catch (IOException)
            {
                // A body that is not multipart at all (no boundary line, cut short): the client's fault, not ours.
                return Refusal.Validation("body", "请求体不是有效的 multipart/form-data。");
            }
            var file = form.Files.GetFile("file");
            if (file is null) return Refusal.Validation("file", "请选择要上传的文件。");
            var added = await documents.AddAsync(Actor.From(user), id, new Upload(form["kind"].FirstOrDefault(), file.FileName, file.Length, file.OpenReadStream));
            return added.ToResult(d => Results.Created($"/api/v1/claims/{id}/documents/{d.Id}", DocumentView.Of(d)));
        })
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data")
        .Produces<DocumentView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .WithSummary("Upload evidence: kind (judgment, agency_contract, invoice, payment_proof, id_proof, effect_proof, other) and file (PDF, PNG or JPEG, at most 10 MB)");

        docs.MapGet("/{documentId:guid}", async (Guid id, Guid documentId, bool? inline, ClaimsPrincipal user, DocumentService documents) =>
            (await documents.ReadAsync(Actor.From(user), id, documentId)).ToResult(d =>
                Results.File(d.Content, d.Row.ContentType, inline == true ? null : d.Row.FileName)))
        .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("Download a document (inline=true to show it in the browser)");

        docs.MapDelete("/{documentId:guid}", async (Guid id, Guid documentId, ClaimsPrincipal user, DocumentService documents) =>
            (await documents.RemoveAsync(Actor.From(user), id, documentId)).ToResult(_ => Results.NoContent()))
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("Remove a document from a claim that can still be edited (owner)");
    }
}
