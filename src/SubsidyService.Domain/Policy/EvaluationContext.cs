using SubsidyService.Domain.Calendar;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// What the evaluation needs beyond the applicant's facts: the date applied (for a window), a register
/// match the verifier confirmed, a fee base the verifier lowered on checking the evidence, and the
/// working-day calendar (holidays and make-up days from configuration), since a window whose last day
/// is a holiday runs to the next working day. Without a calendar only weekends are days off.
/// </summary>
public sealed record EvaluationContext(
    DateOnly ApplicationDate,
    bool ConfirmedDuplicateFunding = false,
    decimal? FeeBaseLimit = null,
    WorkingDayCalendar? Calendar = null)
{
    private static readonly WorkingDayCalendar WeekendsOnly = new([], []);

    public WorkingDayCalendar WorkingDays => Calendar ?? WeekendsOnly;
}
