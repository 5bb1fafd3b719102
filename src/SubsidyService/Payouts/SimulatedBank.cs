using SubsidyService.Jobs;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// A pretend bank for the demo and the tests (<c>Payouts:Channel=simulated</c>): some time after a batch's file is
/// written it answers every payment still pending, refusing a configured share of them, and hands its answer to
/// the same import finance uses. Which payments fail is decided by each reference's hash, so a run repeated
/// after a crash gives the same answer, and the import then finds nothing to change.
/// </summary>
[JobDescription("模拟银行回单", "演示和测试用的模拟银行：付款文件生成一段时间后给出回单。正式部署不使用。")]
[MoneyJob]
public sealed class SimulatedBank(PayoutStore store, BankResults results, IOptions<PayoutOptions> options, ILogger<SimulatedBank> logger)
{
    public const string FailureMessage = "模拟银行：户名与账号不符";

    public async Task SettleBatchAsync(Guid batchId, CancellationToken ct)
    {
        var pending = (await store.PaymentsAsync(batchId)).Where(p => p.State == "pending").ToList();
        if (pending.Count == 0) return;
        var rate = options.Value.SimulatedFailureRate;
        var file = new StringBuilder(Csv.Row(BankResults.Header));
        foreach (var p in pending)
            file.Append(Csv.Row(Fails(p.Reference, rate) ? [p.Reference, "failed", Invariant.Money(p.Amount), FailureMessage]
                : [p.Reference, "paid", Invariant.Money(p.Amount), ""]));
        ct.ThrowIfCancellationRequested();
        var imported = await results.ImportAsync(batchId, Encoding.UTF8.GetBytes(file.ToString()), Actor.System);
        if (imported.Succeeded)
            logger.LogInformation("Simulated bank settled batch {BatchId}: {Paid} paid, {Failed} failed", batchId, imported.Value!.Paid, imported.Value.Failed);
        else
            logger.LogWarning("Simulated bank's results for batch {BatchId} were refused: {Reason}", batchId, imported.Refusal!.Message);
    }

    /// <summary>Whether the pretend bank refuses this payment: the first bytes of SHA-256(reference) against the rate.</summary>
    public static bool Fails(string reference, double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(reference));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < rate;
    }
}
