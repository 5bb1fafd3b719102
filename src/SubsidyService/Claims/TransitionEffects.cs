using Dapper;
using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>A transition the first one entails, decided by the same machine.</summary>
public sealed record FollowUp(ClaimTrigger Trigger, string? Reason, string? ReasonCode, object? Data);

/// <summary>What a trigger did besides changing the status: data for its event, and maybe a follow-up.</summary>
public sealed record Applied(object? EventData, FollowUp? FollowUp = null);

/// <summary>
/// What each trigger does to the claim besides its status, inside the transition's transaction.
/// Whether it may happen at all was decided before, by the state machine.
/// </summary>
public sealed class TransitionEffects(SubmissionScreening screening, TimeProvider clock, ILogger<SubmissionScreening> screeningLog)
{
    public async Task<Outcome<Applied>> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow row, Actor actor,
        TransitionRequest request, Verification? verification, Evaluation evaluation, IReadOnlyList<FlagRow> flags)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Trigger)
        {
            case ClaimTrigger.Submit:
                var started = clock.GetTimestamp();
                var screened = await screening.ScreenAsync(conn, tx, row, actor);
                // At Debug only: the benchmark reads this line for the screening step's own latency.
                if (screeningLog.IsEnabled(LogLevel.Debug))
                    screeningLog.LogDebug("Screening of claim {ClaimId} took {Elapsed} ms", row.Id,
                        clock.GetElapsedTime(started).TotalMilliseconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
                if (!screened.Succeeded) return screened.Refusal!;
                await conn.ExecuteAsync("UPDATE claims SET submitted_at = coalesce(submitted_at, @now) WHERE id = @Id", new { now, row.Id }, tx);
                return new Applied(new { flags = screened.Value!.Where(f => !f.RefusesSubmission).Select(f => EnumCodes.ToCode(f.Code)) });

            case ClaimTrigger.Verify:
                await conn.ExecuteAsync("""
                    UPDATE claims SET verified_by = @by, verified_at = @now, verification = @verification::jsonb, amount = @Amount,
                        tier = @tier
                    WHERE id = @Id
                    """, new { by = actor.Id, now, verification = ClaimJson.Serialize(verification), evaluation.Amount, tier = ClaimStore.TierCode(evaluation), row.Id }, tx);
                return new Applied(new
                {
                    verification!.MajorImpact, verification.ForeignRelated,
                    feeBase = Invariant.Money(evaluation.FeeBase), amount = Invariant.Money(evaluation.Amount),
                });

            case ClaimTrigger.ResolveScreening:
                return await ResolveAsync(conn, tx, row, actor, request, flags, now);

            case ClaimTrigger.Reject:
                return new Applied(new { request.ReasonCode, reasonText = RejectionReasons.All[request.ReasonCode!] });

            case ClaimTrigger.RequestSupplement:
                var defects = (request.Data as SupplementRequestData ?? new SupplementRequestData([])).Checked();
                return defects.Succeeded ? new Applied(new { defects = defects.Value }) : defects.Refusal!;

            case ClaimTrigger.ScreeningFlagRaised or ClaimTrigger.IncludeInPayout or ClaimTrigger.PaymentSucceeded
                or ClaimTrigger.PaymentFailed or ClaimTrigger.OpenRecovery or ClaimTrigger.SettleRecovery:
                // The caller (an import, a batch, the bank's results, a recovery) says what happened; the event keeps it.
                return new Applied(request.Data);

            case ClaimTrigger.CorrectBankAccount:
                return await CorrectBankAccountAsync(conn, tx, row, request, now);

            default:
                return new Applied(null);
        }
    }

    /// <summary>
    /// <c>data: {code, decision: confirm|dismiss}</c> settles every open flag of that code. Confirming a
    /// register match means the case was funded elsewhere: the claim is rejected as duplicate funding.
    /// </summary>
    private static async Task<Outcome<Applied>> ResolveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow row, Actor actor,
        TransitionRequest request, IReadOnlyList<FlagRow> flags, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        var (code, decision) = request.Data as ScreeningResolutionData ?? new ScreeningResolutionData(null, null);
        var open = flags.Where(f => f.IsUnresolved).ToList();
        if (code is null) errors["data.code"] = ["请指明要处理的筛查标记（data.code）。"];
        else if (open.All(f => f.Code != code))
            errors["data.code"] = [open.Count == 0 ? "该申请没有待处理的筛查标记。" : $"没有待处理的“{code}”标记；待处理的有：{string.Join("、", open.Select(f => f.Code).Distinct())}。"];
        if (decision is not ("confirm" or "dismiss")) errors["data.decision"] = ["处理结论须为 confirm（确认）或 dismiss（排除）。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        var ids = open.Where(f => f.Code == code).Select(f => f.Id).ToArray();
        await conn.ExecuteAsync("""
            UPDATE screening_flags SET resolution = @decision, resolved_by = @by, resolved_at = @now, resolution_reason = @reason
            WHERE id = ANY(@ids)
            """, new { decision, by = actor.Id, now, reason = request.Reason, ids }, tx);
        var data = new { code, decision, flags = ids };
        return code == FlagCodes.ExternalFundingMatch && decision == "confirm"
            ? new Applied(data, new FollowUp(ClaimTrigger.Reject, request.Reason, "duplicate_funding",
                new { reasonCode = "duplicate_funding", reasonText = RejectionReasons.All["duplicate_funding"] }))
            : new Applied(data);
    }

    /// <summary>
    /// <c>data: {bankName, accountName, accountNumber}</c> replaces the payee account after a failed payment; the
    /// event keeps the new account with its number masked, as the history is read by every staff role.
    /// </summary>
    private static async Task<Outcome<Applied>> CorrectBankAccountAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow row,
        TransitionRequest request, DateTime now)
    {
        var input = (request.Data as BankAccountCorrectionData ?? new BankAccountCorrectionData(null, null, null)).ToInput();
        var (account, refused) = BankAccountValidator.Validate(input).ToOutcome();
        if (account is null)
            return Refusal.Validation(refused!.FieldErrors.ToDictionary(e => e.Key.Replace("bankAccount.", "data."), e => e.Value));
        var previous = ClaimJson.Deserialize<BankAccount>(row.BankAccount);
        await conn.ExecuteAsync("UPDATE claims SET bank_account = @bank::jsonb, updated_at = @now WHERE id = @Id",
            new { bank = ClaimJson.Serialize(account), now, row.Id }, tx);
        return new Applied(new
        {
            previous = new { previous.BankName, previous.AccountName, accountNumber = previous.MaskedNumber },
            corrected = new { account.BankName, account.AccountName, accountNumber = account.MaskedNumber },
        });
    }
}
