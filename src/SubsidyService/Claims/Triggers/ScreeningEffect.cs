using Dapper;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary><see cref="Effect.Screening"/>: duplicate screening at submission; a refusal rolls the submission back, flags stay with it.</summary>
public sealed class ScreeningEffect(SubmissionScreening screening, TimeProvider clock, ILogger<SubmissionScreening> log) : ITransitionEffect
{
    public Effect Effect => Effect.Screening;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var started = clock.GetTimestamp();
        var screened = await screening.ScreenAsync(t.Connection, t.Transaction, t.Claim, t.Actor);
        // At Debug only: the benchmark reads this line for the screening step's own latency.
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Screening of claim {ClaimId} took {Elapsed} ms", t.Claim.Id,
                clock.GetElapsedTime(started).TotalMilliseconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        if (!screened.Succeeded) return screened.Refusal;
        await t.Connection.ExecuteAsync("UPDATE claims SET submitted_at = coalesce(submitted_at, @Now) WHERE id = @Id",
            new { t.Now, t.Claim.Id }, t.Transaction);
        t.Parts.Set(new RaisedFlags(screened.Value!.Where(f => !f.RefusesSubmission).Select(f => EnumCodes.ToCode(f.Code)).ToList()));
        return null;
    }
}
