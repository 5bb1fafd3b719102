using System.ComponentModel.DataAnnotations;
namespace SubsidyService.Domain.Policy;

/// <param name="Purpose"><c>litigation_fee</c> (the default: the same kind as this subsidy) or <c>other</c>.</param>
public sealed record OtherFundingInput([property: MaxLength(ClaimFactsValidator.MaxFundingTextLength)] string? Source, string? Level, [property: MaxLength(SubsidyService.Domain.Money.AmountInput.MaxLength)] string? Amount, [property: MaxLength(ClaimFactsValidator.MaxFundingTextLength)] string? Reference, string? Purpose = null);
