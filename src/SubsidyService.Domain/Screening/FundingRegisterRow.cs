namespace SubsidyService.Domain.Screening;

/// <summary>A row of an imported register of funding granted by another level of government.</summary>
public sealed record FundingRegisterRow(Guid RowId, string Source, string Level, string RecipientName, string CanonicalCaseNumber, decimal Amount);
