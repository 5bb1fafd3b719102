namespace SubsidyService.Domain.Screening;

/// <param name="RefusesSubmission">True: the submission is refused. False: a flag a verifier must resolve.</param>
/// <param name="Detail">In Chinese, naming the matched claim or register row.</param>
public sealed record ScreeningFinding(ScreeningCode Code, bool RefusesSubmission, string Detail, Guid? MatchedClaimId, Guid? MatchedRegisterRowId);
