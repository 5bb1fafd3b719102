using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.Undertaking"/>: a submission carries the applicant's acceptance of the undertaking
/// (<c>data: {undertakingAccepted: true}</c>); the event keeps which text was accepted.
/// </summary>
public sealed class UndertakingEffect(UndertakingText undertaking) : ITransitionEffect
{
    public Effect Effect => Effect.Undertaking;

    public bool Batched => true;

    public Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        if (t.Data is not SubmitData { UndertakingAccepted: true })
            return Task.FromResult<Refusal?>(Refusal.Validation("data.undertakingAccepted",
                "提交申请前须阅读并勾选同意《申请人承诺书》（data.undertakingAccepted 须为 true）。"));
        t.Writes.Execute("UPDATE claims SET undertaking_version = @undertakingVersion, undertaking_sha256 = @undertakingSha256 WHERE id = @id",
            new { undertakingVersion = undertaking.Version, undertakingSha256 = undertaking.Sha256, id = t.Claim.Id });
        t.Parts.Set(undertaking.Record);
        return Task.FromResult<Refusal?>(null);
    }
}
