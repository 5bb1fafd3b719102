using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// API.md's batch: <c>{id, status, claimCount, totalAmount, progress}</c>, and what else finance needs to follow it: its
/// name ("2026-12-05 第1批") and how many of its payments the bank has still to answer (a completed batch has
/// written its file; the bank has answered it when <c>pendingPayments</c> is 0).
/// </summary>
public sealed record PayoutBatchView(Guid Id, string Name, string Status, int ClaimCount, string TotalAmount, double Progress, int PendingPayments,
    string Origin, DateTime RequestedAt, DateTime? StartedAt, DateTime? CompletedAt, int Attempts, string? FileSha256, string? LastError)
{
    public static PayoutBatchView Of(BatchRow b) => new(b.Id, b.Name, b.Status, b.ClaimCount, Invariant.Money(b.TotalAmount), b.Progress,
        b.PendingCount, b.Origin, b.RequestedAt, b.StartedAt, b.CompletedAt, b.Attempts, b.FileSha256, b.LastError);
}

public sealed record PayoutBatchCreated(Guid Id);

public static class PayoutEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPayoutEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/v1/payout-batches").WithTags("Payouts");

        batches.MapPost("/", async (HttpContext http, ClaimsPrincipal user, PayoutRequests requests) =>
        {
            // API.md's body is {}: nothing to choose yet, but anything else is a client's mistake, not a request to pay.
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var (body, problem) = await RequestBody.ReadAsync<System.Text.Json.JsonDocument>(http);
                if (problem is not null) return problem;
                using (body)
                    // A field here (a claim list, an amount) would be a request this endpoint does not honour: refuse it, do not pay.
                    if (body!.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || body.RootElement.EnumerateObject().Any())
                        return Refusal.Validation("body", "请求体须为空的 JSON 对象 {}：拨付批次总是包含全部待拨付的申请。");
            }
            var requested = await requests.RequestAsync(Actor.From(user).Id);
            return requested.ToResult(id => Results.Accepted($"/api/v1/payout-batches/{id}", new PayoutBatchCreated(id)));
        })
        .RequireAuthorization(Roles.Finance)
        .Accepts<object>("application/json")
        .Produces<PayoutBatchCreated>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Start a payout batch (finance): one job gathers every ready_for_payout claim; 409 payouts_paused while payouts are paused");

        batches.MapGet("/", async (PayoutStore store) => Results.Ok((await store.ListAsync(100)).Select(PayoutBatchView.Of)))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.Admin))
            .Produces<PayoutBatchView[]>()
            .WithSummary("The latest payout batches, newest first");

        batches.MapGet("/{id:guid}", async (Guid id, PayoutStore store) =>
            await store.FindAsync(id) is { } b ? Results.Ok(PayoutBatchView.Of(b)) : Refusal.NotFound("该拨付批次"))
        .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.Admin))
        .Produces<PayoutBatchView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("A payout batch: status queued|running|completed|failed, control totals, progress 0..1");

        // Account numbers in full: finance only.
        batches.MapGet("/{id:guid}/file", async (Guid id, string? format, PayoutStore store) =>
        {
            var batch = await store.FindAsync(id);
            if (batch is null) return Refusal.NotFound("该拨付批次");
            if (batch.Status != "completed")
                return new Refusal(409, "batch_not_completed", "批次尚未完成", "支付文件在批次完成后生成，请稍后再试。");
            var name = FileName(batch);
            if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
                return Results.File(PaymentFile.ToXlsx(await store.PaymentsAsync(id)), XlsxContentType, name + ".xlsx");
            return Results.File((await store.FileAsync(id))!, CsvContentType, name + ".csv");
        })
        .RequireAuthorization(Roles.Finance)
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("The payment file: claimId,payeeName,bankName,accountNumber,amount,reference (UTF-8 with BOM); ?format=xlsx for Excel");

        batches.MapPost("/{id:guid}/bank-results", async (Guid id, HttpContext http, ClaimsPrincipal user, BankResults results) =>
        {
            var (content, problem) = await ReadFileAsync(http);
            if (problem is not null) return problem;
            var imported = await results.ImportAsync(id, content!, Actor.From(user));
            return imported.ToResult(Results.Ok);
        })
        .RequireAuthorization(Roles.Finance)
        .DisableAntiforgery()
        .Accepts<string>("text/csv", "multipart/form-data")
        .Produces<BankResultsSummary>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Apply the bank's results (CSV reference,result,amount,message, or the Chinese headers 业务参考号,结果,金额,说明 in any order; result paid|failed or 成功|失败): checked whole, refused whole (422) on any bad line " +
                     "or an amount other than the payment's; 403 second_person_required for the finance user who ran the batch");
    }

    /// <summary>"payout-20261205-1": the batch's name in a form every file system keeps.</summary>
    public static string FileName(BatchRow b) => $"payout-{ChinaTime.DateOf(b.RequestedAt):yyyyMMdd}-{b.DayNumber}";

    /// <summary>The file as a raw body or as the <c>file</c> field of a form.</summary>
    private static async Task<Outcome<byte[]>> ReadFileAsync(HttpContext http)
    {
        var tooLarge = new Refusal(413, "payload_too_large", "文件过大", $"回单文件不能超过 {BankResults.MaxBytes / 1024 / 1024} MB。");
        if (http.Request.ContentLength > BankResults.MaxBytes) return tooLarge;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            if (form.Files.GetFile("file") is not { } file) return Refusal.Validation("file", "请选择银行回单文件（CSV）。");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        return body.Length > BankResults.MaxBytes ? tooLarge : body.ToArray();
    }
}
