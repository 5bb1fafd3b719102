using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Kernel;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>What a results file did: lines read, payments settled paid or failed, lines that changed nothing (already applied).</summary>
public sealed record BankResultsSummary(Guid BatchId, int Lines, int Paid, int Failed, int Unchanged);

/// <summary>
/// The bank's answer for a batch (<c>reference,result,amount,message</c>), checked whole before anything is applied:
/// an unknown or repeated reference, a result other than paid/failed, an amount other than the payment's (what
/// the bank paid must be what was sent), a payment already settled the other way, or more lines than the batch
/// has payments refuses the file (422, each bad line named). The finance user who ran the batch may not import
/// its results: money leaves only with two people (a scheduled batch was run by no one). Then each payment is
/// settled and its claim moved by the machine (<c>payment_succeeded</c>, which spends the budget reservation, or
/// <c>payment_failed</c> with the bank's message), all in one transaction. A line whose payment already has that
/// result changes nothing, so the same file imported twice changes nothing the second time.
/// </summary>
public sealed class BankResults(NpgsqlDataSource db, ClaimTransitions transitions, IPayoutNotices notices, ISecurityEvents security, TimeProvider clock)
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxMessageLength = 500;
    public static readonly string[] Header = ["reference", "result", "amount", "message"];

    /// <summary>The file's columns: the API's English headers or the Chinese ones of the people's payment list, in any order.</summary>
    public static readonly IReadOnlyList<FileColumn> Columns =
    [
        new("reference", "业务参考号", true, "参考号", "交易参考号"),
        new("result", "结果", true, "支付结果", "处理结果"),
        new("amount", "金额", true, "金额(元)", "支付金额", "交易金额"),
        new("message", "说明", false, "备注", "附言", "失败原因", "银行说明"),
    ];

    /// <summary>The results people may write: the API's words and the Chinese ones.</summary>
    private static string? ResultOf(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "paid" or "成功" or "支付成功" => "paid",
        "failed" or "失败" or "支付失败" => "failed",
        _ => null,
    };

    private sealed record Line(int Number, PaymentRow Payment, string Result, string? Message);

    public async Task<Outcome<BankResultsSummary>> ImportAsync(Guid batchId, byte[] content, Actor actor)
    {
        if (!Parse(content).TryGet(out var parsed, out var parsedRefusal)) return parsedRefusal;
        var (columns, records) = parsed;

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // Imports of one batch take turns: the second sees what the first applied.
        var batch = await PayoutStore.LockAsync(conn, tx, batchId);
        if (batch is null) return Refusal.NotFound("该拨付批次");
        if (batch.RequestedBy is { } runBy && runBy == actor.Id)
            return new Refusal(403, "second_person_required", "须由另一名财务人员导入",
                "本批次由您执行；银行回单须由另一名财务人员导入（资金支付双人复核）。");
        if (batch.Status != "completed")
            return new Refusal(422, "batch_not_completed", "批次尚未完成", "拨付批次完成并生成支付文件后，才能导入银行回单。");
        var payments = await PaymentStatements.LockPaymentsAsync(conn, tx, batchId);

        var checkedLines = Check(columns, records, payments, out var errors);
        if (records.Count > payments.Count)
            errors.Insert(0, ("file", $"回单共 {records.Count} 行，超过本批次的 {payments.Count} 笔支付。"));
        if (errors.Count > 0)
            return new Refusal(422, "bank_results_rejected", "银行回单有误，未导入任何结果",
                $"{errors.Count} 处问题（以文件行号标示），请核对后重新导入整个文件。",
                errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var changes = checkedLines.Where(l => l.Payment.State == "pending").ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // Every claim is locked before the first event is written, in one order: the event chain's lock is then
        // never held while waiting for a claim that another transition holds.
        await BulkTransitions.LockClaimsAsync(conn, tx, changes.Select(l => l.Payment.ClaimId).ToList());
        foreach (var line in changes.OrderBy(l => l.Payment.ClaimId))
        {
            var paid = line.Result == "paid";
            await PaymentStatements.SettlePaymentAsync(conn, tx, line.Payment.Id, line.Result, line.Message, now);
            var data = new PaymentResultData(batchId, line.Payment.Id, line.Payment.Reference, line.Message, actor.Label);
            var fired = await transitions.FireAsSystemAsync(conn, tx, line.Payment.ClaimId,
                paid ? ClaimTrigger.PaymentSucceeded : ClaimTrigger.PaymentFailed,
                paid ? "银行回单：支付成功" : $"银行回单：支付失败{(line.Message is null ? "" : "（" + line.Message + "）")}", data);
            if (!fired.Succeeded)
                return new Refusal(409, "claim_not_in_payout", "申请状态已变化，未导入任何结果",
                    $"第 {line.Number} 行（{line.Payment.Reference}）：{fired.Refusal!.Detail}");
        }

        var summary = new BankResultsSummary(batchId, records.Count, changes.Count(l => l.Result == "paid"),
            changes.Count(l => l.Result == "failed"), records.Count - changes.Count);
        var answered = changes.Select(c => c.Payment.Id).ToHashSet();
        if (changes.Count > 0 && payments.Values.All(p => p.State != "pending" || answered.Contains(p.Id)))
            await notices.BatchSettledAsync(conn, tx, Settled(batchId, payments.Values, changes, now));
        if (changes.Count > 0)
            await PayoutStore.RecountPendingAsync(conn, tx, batchId);
        if (changes.Count > 0)
            await PayoutStore.RecordImportAsync(conn, tx, batchId, Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(),
                summary.Lines, summary.Paid, summary.Failed, summary.Unchanged, actor.Role == Role.System ? null : actor.Id, now);
        await tx.CommitAsync();
        await security.RecordAsync(SecurityAct.BankResultsImported, batchId.ToString(),
            $"{summary.Lines} 行：成功 {summary.Paid}，失败 {summary.Failed}，未变 {summary.Unchanged}", actor);
        return summary;
    }

    /// <summary>The batch's totals once this file has answered its last pending payment.</summary>
    private static BatchSettled Settled(Guid batchId, IEnumerable<PaymentRow> payments, List<Line> changes, DateTime now)
    {
        var result = changes.ToDictionary(l => l.Payment.Id, l => l.Result);
        var all = payments.Select(p => (p.Amount, Paid: (result.GetValueOrDefault(p.Id) ?? p.State) == "paid")).ToList();
        return new BatchSettled(batchId, now, all.Count, all.Sum(p => p.Amount), all.Count(p => p.Paid), all.Where(p => p.Paid).Sum(p => p.Amount),
            all.Count(p => !p.Paid), all.Where(p => !p.Paid).Sum(p => p.Amount));
    }

    private static List<Line> Check(FileColumns columns, List<(int Line, List<string> Fields)> records, Dictionary<string, PaymentRow> payments,
        out List<(string Key, string Message)> errors)
    {
        errors = [];
        var lines = new List<Line>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, fields) in records)
        {
            var key = $"lines[{number}]";
            var problems = new List<string>();
            var reference = columns.Cell(fields, "reference");
            var resultCell = columns.Cell(fields, "result");
            var result = ResultOf(resultCell);
            var amount = columns.Cell(fields, "amount");
            var message = columns.Cell(fields, "message") is { Length: > 0 } m ? m : null;
            if (columns.Overflows(fields)) problems.Add($"列数多于首行的 {columns.Width} 列。");
            PaymentRow? payment = null;
            if (reference.Length == 0) problems.Add("“业务参考号”为空。");
            else if (seen.TryGetValue(reference, out var first)) problems.Add($"业务参考号 {reference} 重复（第 {first} 行已出现）。");
            else if (!payments.TryGetValue(reference, out payment)) problems.Add($"业务参考号 {reference} 不属于本批次。");
            if (reference.Length > 0) seen.TryAdd(reference, number);
            if (result is null) problems.Add($"“结果”须为 成功 或 失败（也可写 paid、failed），而不是“{resultCell}”。");
            else if (payment is { State: not "pending" } && payment.State != result)
                problems.Add($"业务参考号 {reference} 已登记为{(payment.State == "paid" ? "支付成功" : "支付失败")}，不能改为{(result == "paid" ? "成功" : "失败")}。");
            if (!Yuan.TryParseMoney(amount, out var paidAmount, out _))
                problems.Add($"“金额”须为正数、最多两位小数，而不是“{amount}”。");
            else if (payment is not null && paidAmount.Value != payment.Amount)
                problems.Add($"金额 {paidAmount} 元与本批次该笔支付的 {Invariant.Money(payment.Amount)} 元不符。");
            if (message?.Length > MaxMessageLength) problems.Add($"“说明”不能超过 {MaxMessageLength} 个字符。");

            if (problems.Count > 0) errors.AddRange(problems.Select(p => (key, p)));
            else lines.Add(new Line(number, payment!, result!, message));
        }
        return lines;
    }

    /// <summary>The CSV's columns and its records after the header; a file that is not UTF-8 text or whose header lacks a column is refused (400 naming the file).</summary>
    private static Outcome<(FileColumns Columns, List<(int Line, List<string> Fields)> Records)> Parse(byte[] content)
    {
        if (content.Length == 0) return Refusal.Validation("file", "回单文件为空。");
        if (content.Length > MaxBytes) return Refusal.Validation("file", $"回单文件不能超过 {MaxBytes / 1024 / 1024} MB。");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Refusal.Validation("file", "回单文件须为 UTF-8 编码的 CSV。");
        }
        var records = Csv.Parse(text);
        if (records.Count == 0) return Refusal.Validation("file", "回单文件为空。");
        var (columns, problems) = FileColumns.Read(records[0].Fields, Columns);
        if (columns is null)
            return Refusal.Validation(new Dictionary<string, string[]>
            {
                ["file"] = [.. problems, $"回单首行须为列名：{FileColumns.ChineseHeader(Columns)}（或 {string.Join(",", Header)}）。"],
            });
        if (records.Count == 1) return Refusal.Validation("file", "回单中没有结果行。");
        return (columns, records.Skip(1).ToList());
    }
}
