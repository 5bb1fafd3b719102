using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Claims.Documents;
using SubsidyService.Notifications;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Applicant.Claims;

// A little over the service's 10 MB, so that a too-large file reaches DocumentService and gets its message;
// anything larger is sent back to this page by OversizedUploads before the form is read.
[RequestFormLimits(MultipartBodyLengthLimit = OversizedUploads.PageLimit)]
public sealed class DetailsModel(ClaimReader reader, ClaimTransitions transitions, DocumentService documents, Inbox inbox,
    UndertakingText undertaking, ClaimRatings ratings, Npgsql.NpgsqlDataSource db)
    : ClaimDetailsModel(reader, transitions)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public bool Editable => ClaimText.Editable(Claim.Status);

    public DocumentList DocumentList => new(Claim, Url.Content("~/Applicant/Claims"), Editable, Preview: true);

    /// <summary>The verifier's latest request, shown at the top while the claim waits for it.</summary>
    public HistoryView? SupplementRequest => Claim.Status == "supplement_requested"
        ? Claim.History.LastOrDefault(h => h.Trigger == "request_supplement")
        : null;

    public IReadOnlyList<string> SupplementDefects =>
        SupplementRequest is { } r && HistoryData.Record(r) is SupplementRequestedEvent s ? s.Defects : [];

    public LetterPanel LetterPanel => new(Claim, Url.Content("~/Applicant/Claims"), RecoveryNotices: RecoveryNotices);

    /// <summary>The recovery notices issued on this claim: what the applicant owes is theirs to download.</summary>
    public IReadOnlyList<SubsidyService.Letters.LetterRecord> RecoveryNotices { get; private set; } = [];

    /// <summary>The required kinds not yet uploaded, in words, for the warning above the submit button.</summary>
    public string MissingNames => string.Join("、", Claim.MissingDocuments.Select(ClaimText.Kind));

    /// <summary>The latest event that moved the claim into its present status (a payment's failure, say), for its time and reason.</summary>
    public HistoryView? Arrival => Claim.History.LastOrDefault(h => h.To == Claim.Status && h.From != h.To);

    /// <summary>What the applicant should know of the claim's state after verification, in one sentence; null before.</summary>
    public (string Kind, string Text)? StatusNote => Claim.Status switch
    {
        "verified" => ("info", "审核已通过，等待财政局审批。"),
        "in_public_notice" => ("ok", $"补助已批准，正在公示，公示期至 {ClaimText.ChineseDate(Claim.NoticeEndsOn)}（含当日）。期满无异议的，将拨付至您的收款账户。"),
        "ready_for_payout" => ("ok", "补助已批准、公示期满，等待财政局拨付。"),
        "in_payout" => ("ok", $"补助正在拨付至您的收款账户（{Claim.BankAccount.BankName}，账号 {Claim.BankAccount.AccountNumber}）。"),
        "paid" => ("ok", $"补助已于 {ClaimText.Time(Arrival?.At)} 拨付至您的收款账户（{Claim.BankAccount.BankName}，账号 {Claim.BankAccount.AccountNumber}），请注意查收。"),
        "payout_failed" => ("warn", "拨付失败" + (Arrival?.Reason is { } why ? $"：{why}" : "。") +
            " 请核对收款账户信息；如有误请联系财政局更正，财政局将重新拨付。"),
        "rejected" => ("warn", "申请未获补助" + (Arrival?.Reason is { } reason ? $"：{reason}" : "。")),
        _ => null,
    };

    /// <summary>The applicant's rating of the service, once the claim is done; null until given.</summary>
    public ClaimRating? Rating { get; private set; }

    /// <summary>Whether the rating form shows: the claim is paid or rejected and not yet rated.</summary>
    public bool MayRate => Claim.Status is "paid" or "rejected" && Rating is null;

    protected override async Task LoadMoreAsync() => Rating = await ratings.ForClaimAsync(Claim.Id);

    /// <summary>The messages sent about this claim, as they went (or would go) by mail.</summary>
    public IReadOnlyList<InboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var page = await PageAsync(Id);
        if (page is PageResult && TempData[OversizedUploads.RefusedKey] is string refused)
            Show(Refusal.Validation("file", refused), "upload");
        if (page is PageResult)
        {
            Messages = await inbox.ForClaimAsync(Actor.Id, Id);
            await using var conn = await db.OpenConnectionAsync();
            RecoveryNotices = (await SubsidyService.Letters.LetterStore.ForClaimAsync(conn, Id))
                .Where(l => l.Kind == SubsidyService.Letters.LetterIssuer.RecoveryNotice).ToList();
        }
        return page;
    }

    /// <summary>The undertaking the applicant accepts with the submission, shown above the button.</summary>
    public UndertakingText Undertaking => undertaking;

    /// <summary>A submission's receipt: the number the claim is known by from now on, and when its review is due.</summary>
    protected override async Task<string> DoneMessageAsync(Guid id, SubsidyService.Domain.Claims.ClaimTrigger trigger)
    {
        if (trigger != SubsidyService.Domain.Claims.ClaimTrigger.Submit || !await LoadAsync(id)) return await base.DoneMessageAsync(id, trigger);
        return $"已受理，受理编号 {Claim.ApplicationNumber}，审核时限 {Claim.ReviewWorkingDays} 个工作日" +
            (Claim.ReviewDueOn is { } due ? $"（{ClaimText.ChineseDate(due)}前办结）。" : "。");
    }

    public Task<IActionResult> OnPostFireAsync(string? trigger, int version, bool undertakingAccepted) =>
        FireAsync(Id, trigger, version, data: trigger == "submit" ? new SubmitData(undertakingAccepted) : null, panel: "undertaking");

    public async Task<IActionResult> OnPostUploadAsync(string? kind, IFormFile? file)
    {
        if (file is null) return await RefusedAsync(Id, Refusal.Validation("file", "请选择要上传的文件。"), "upload");
        var added = await documents.AddAsync(Actor, Id, new Upload(kind, file.FileName, file.Length, file.OpenReadStream));
        if (added.Refusal is { Status: 404 }) return NotFound();
        if (added.Succeeded) return Done($"已上传“{added.Value!.FileName}”。");
        // Too large (413) or not a PDF, PNG or JPEG (415): said under the file field, as a field error is.
        var refusal = added.Refusal!;
        return await RefusedAsync(Id, refusal.Errors is { Count: > 0 } ? refusal : Refusal.Validation("file", refusal.Detail ?? refusal.Title), "upload");
    }

    public async Task<IActionResult> OnPostRateAsync(int? score, string? comment)
    {
        var refused = await ratings.RateAsync(Actor, Id, score, comment);
        if (refused is { Status: 404 }) return NotFound();
        return refused is null ? Done("感谢您的评价。您的评价将用于改进补助办理服务。") : await RefusedAsync(Id, refused, "rating");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid docId)
    {
        var removed = await documents.RemoveAsync(Actor, Id, docId);
        return removed.Succeeded ? Done("材料已删除。") : await RefusedAsync(Id, removed.Refusal!, "upload");
    }
}
