using Dapper;
using SubsidyService.Audit;
using SubsidyService.Domain.Payments;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.BankAccount"/>: <c>data: {bankName, accountName, accountNumber}</c> replaces the payee account
/// after a failed payment, and raises <see cref="FlagCodes.BankAccountChanged"/>. The log keeps both accounts masked,
/// with a keyed fingerprint to match them by: the history is read by every staff role, and what is written there
/// cannot be taken back.
/// </summary>
public sealed class BankAccountEffect(EventLog events) : ITransitionEffect
{
    public Effect Effect => Effect.BankAccount;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var input = (t.Data as BankAccountCorrectionData ?? new BankAccountCorrectionData(null, null, null)).ToInput();
        var (account, refused) = BankAccountValidator.Validate(input).ToOutcome();
        if (account is null)
            return Refusal.Validation(refused!.FieldErrors.ToDictionary(e => e.Key.Replace("bankAccount.", "data."), e => e.Value));
        // The same payee rule as at intake: a subsidy is paid only to the applicant, never to a stranger's account.
        if (!PayeeName.Matches(t.Claim.ApplicantName, account.AccountName))
            return Refusal.Validation("data.accountName", PayeeName.Refusal + "。");
        var previous = ClaimJson.Deserialize<BankAccount>(t.Claim.BankAccount);
        await t.Connection.ExecuteAsync("UPDATE claims SET bank_account = @bank::jsonb, updated_at = @Now WHERE id = @Id",
            new { bank = ClaimJson.Serialize(account), t.Now, t.Claim.Id }, t.Transaction);
        // Money goes to a new account only after a second person has looked at it: finance cannot retry until a
        // verifier resolves this flag (the machine's guard on retry_payment).
        await ClaimStore.RaiseFlagAsync(t.Connection, t.Transaction, t.Claim.Id, FlagCodes.BankAccountChanged,
            $"申请人在拨付失败后更正了收款账户（{account.BankName}，{account.MaskedNumber}），须审核人核实账户属于申请人本人后方可重新拨付",
            null, null, t.Now);
        t.Parts.Set(new BankAccountCorrectedEvent(Record(previous), Record(account)));
        return null;
    }

    private AccountRecord Record(BankAccount a) =>
        new(a.BankName, a.AccountName, a.MaskedNumber, events.Fingerprint(a.AccountNumber));
}
