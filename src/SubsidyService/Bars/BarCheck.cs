using SubsidyService.Kernel;

namespace SubsidyService.Bars;

/// <summary>What the submit path asks: whether the applicant's identity is barred today.</summary>
public static class BarCheck
{
    /// <summary>Whether a bar on the identity stands today, read in the caller's batch; <see cref="Refusal"/> when it does.</summary>
    public static SqlBatch.Pending<bool> Stands(SqlBatch batch, string idNumber, DateOnly today) =>
        BarStore.Stands(batch, BarIdentity.Normalise(idNumber), today);

    /// <summary>
    /// The refusal for a barred identity. It does not say by whom or why: the applicant learns of the decision through
    /// the bureau, not through a submission's answer.
    /// </summary>
    public static readonly Refusal Refusal =
        Refusal.Conflict("applicant_barred", "暂不能提交申请", "该申请人目前不能提交补助申请。如有疑问，请联系受理机关。");
}
