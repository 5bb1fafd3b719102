using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Claims.Triggers;

/// <summary>What a submission's receipt tells the applicant: the claim's application number and the review's due date.</summary>
public sealed record ReceiptRecord(string ApplicationNumber, DateOnly ReviewDueOn, int ReviewWorkingDays);

/// <summary>
/// <see cref="Effect.Receipt"/>: at the first submission the application number (受理编号) is taken; at every submission
/// the review's due date (审核时限) is set from the policy version's working days, counted from the day of submission, and a
/// supplement deadline met is cleared. The number is read with the transition's other reads, so a refusal later in the
/// transition rolls it back and the year's numbers stay gapless.
/// </summary>
public sealed class ReceiptEffect(WorkingDayCalendar calendar) : ITransitionEffect
{
    public Effect Effect => Effect.Receipt;

    public bool Batched => true;

    private sealed record Taken(int Year, SqlBatch.Pending<int> Seq);

    public void AddReads(SqlBatch batch, TransitionContext t)
    {
        if (t.Claim.ApplicationNumber is not null) return;
        var year = ChinaTime.DateOf(t.Now).Year;
        t.Reads.Set(new Taken(year, ApplicationNumbers.Next(batch, year)));
    }

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var number = t.Claim.ApplicationNumber;
        if (number is null)
        {
            if (t.Reads.Get<Taken>() is null)
            {
                var batch = new SqlBatch();
                AddReads(batch, t);
                await batch.RunAsync(t.Connection, t.Transaction);
            }
            var taken = t.Reads.Require<Taken>();
            number = ApplicationNumbers.Format(taken.Year, taken.Seq.Value);
        }
        var days = (t.Policy ?? PolicyVersion.Default).ReviewWorkingDays;
        var due = calendar.AddWorkingDays(ChinaTime.DateOf(t.Now), days);
        t.Writes.Execute("""
            UPDATE claims SET application_number = @applicationNumber, review_due_on = @reviewDueOn::date, supplement_due_on = NULL
            WHERE id = @receiptClaimId
            """, new { applicationNumber = number, reviewDueOn = due.ToDateTime(TimeOnly.MinValue), receiptClaimId = t.Claim.Id });
        t.Parts.Set(new ReceiptRecord(number, due, days));
        return null;
    }
}
