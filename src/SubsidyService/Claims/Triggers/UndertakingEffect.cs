using Dapper;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.Undertaking"/>: a submission carries the applicant's acceptance of the undertaking
/// (<c>data: {undertakingAccepted: true}</c>); the event keeps which text was accepted.
/// </summary>
public sealed class UndertakingEffect(UndertakingText undertaking) : ITransitionEffect
{
    public Effect Effect => Effect.Undertaking;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        if (t.Data is not SubmitData { UndertakingAccepted: true })
            return Refusal.Validation("data.undertakingAccepted", "提交申请前须阅读并勾选同意《申请人承诺书》（data.undertakingAccepted 须为 true）。");
        await t.Connection.ExecuteAsync("UPDATE claims SET undertaking_version = @Version, undertaking_sha256 = @Sha256 WHERE id = @Id",
            new { undertaking.Version, undertaking.Sha256, t.Claim.Id }, t.Transaction);
        t.Parts.Set(undertaking.Record);
        return null;
    }
}
