using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Payouts;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>
/// One batch: progress (the page reloads itself until the batch has finished), control totals, the payment
/// file, and the bank's results with their report (a refused file lists its bad lines).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = BankResults.MaxBytes + 64 * 1024)]
[RequestSizeLimit(BankResults.MaxBytes + 64 * 1024)]
public sealed partial class DetailsModel(PayoutStore store, BankResults results, ClaimSearch search) : ServicePageModel
{
    public const int PaymentsPageSize = 100;

    [BindProperty(SupportsGet = true, Name = "p")] public int PaymentsPage { get; set; } = 1;

    /// <summary>This page of the batch's payments, with the claims they pay.</summary>
    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ClaimListing> PaymentClaims { get; private set; } = new Dictionary<Guid, ClaimListing>();

    public Pager PaymentsPager => Pager.For(Math.Max(1, PaymentsPage), PaymentsPageSize, Batch.ClaimCount, Url.Content($"~/Finance/Payouts/Details/{Batch.Id}"),
        new Dictionary<string, string?>(), "笔");

    public BatchRow Batch { get; private set; } = null!;
    public BankResultsSummary? Summary { get; private set; }
    public BatchSettlement Settlement { get; private set; } = null!;

    /// <summary>The signed-in clerk ran this batch, so another finance user must import its results.</summary>
    public bool RanByMe => Batch.RequestedBy is { } by && by == Actor.From(User).Id;

    private async Task<IActionResult> ShowAsync(BatchRow batch)
    {
        Batch = batch;
        Settlement = await store.SettlementAsync(batch.Id);
        if (batch.Status == "completed")
        {
            Payments = await store.PaymentsPageAsync(batch.Id, Math.Max(1, PaymentsPage), PaymentsPageSize);
            PaymentClaims = await search.ByIdsAsync(Payments.Select(p => p.ClaimId).ToList());
        }
        return Page();
    }

    /// <summary>The <c>lines[N]</c> errors in line order; the file's own errors stay under the file field.</summary>
    public IEnumerable<(int Line, string[] Problems)> LineErrors => Errors
        .Select(e => (Match: LineKey().Match(e.Key), e.Value))
        .Where(e => e.Match.Success)
        .Select(e => (int.Parse(e.Match.Groups[1].Value), e.Value))
        .OrderBy(e => e.Item1);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { } batch) return NotFound();
        return await ShowAsync(batch);
    }

    /// <summary>The progress the page polls with fetch while the batch runs (no page reloads itself).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { } batch) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(BatchProgress.Of(batch));
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { Status: "completed" } batch) return NotFound();
        return File((await store.FileAsync(id))!, PayoutEndpoints.CsvContentType, PayoutEndpoints.FileName(batch) + ".csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { Status: "completed" } batch) return NotFound();
        return File(PaymentFile.ToXlsx(await store.PaymentsAsync(id)), PayoutEndpoints.XlsxContentType, PayoutEndpoints.FileName(batch) + ".xlsx");
    }

    /// <summary>The payments for people: Chinese headers, beside the bank's file above.</summary>
    public async Task<IActionResult> OnGetListCsvAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { Status: "completed" } batch) return NotFound();
        return File(PaymentList.ToCsv(await store.PaymentsAsync(id)), PayoutEndpoints.CsvContentType, ListName(batch) + ".csv");
    }

    public async Task<IActionResult> OnGetListXlsxAsync(Guid id)
    {
        if (await store.FindAsync(id) is not { Status: "completed" } batch) return NotFound();
        return File(PaymentList.ToXlsx(await store.PaymentsAsync(id)), PayoutEndpoints.XlsxContentType, ListName(batch) + ".xlsx");
    }

    private static string ListName(BatchRow b) => $"拨付清单-{b.Name.Replace(' ', '-')}";

    public async Task<IActionResult> OnPostResultsAsync(Guid id, IFormFile? file)
    {
        if (await store.FindAsync(id) is not { } batch) return NotFound();
        if (file is null || file.Length == 0)
        {
            Show(Kernel.Refusal.Validation("file", "请选择银行回单文件（CSV）。"));
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var imported = await results.ImportAsync(id, buffer.ToArray(), Actor.From(User));
            if (imported.Succeeded) Summary = imported.Value;
            else
            {
                Show(imported.Refusal!);
                // "Nothing was imported" is in the title; a clerk must not think the good lines went in.
                ShowProblem($"{imported.Refusal!.Title}：{imported.Refusal.Detail}");
            }
        }
        return await ShowAsync((await store.FindAsync(id)) ?? batch);
    }

    [GeneratedRegex(@"^lines\[(\d+)\]$")]
    private static partial Regex LineKey();
}
