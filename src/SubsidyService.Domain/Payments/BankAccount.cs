using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Payments;

/// <summary>Where the subsidy is paid. The account number is kept as digits only.</summary>
public sealed record BankAccount(string BankName, string AccountName, string AccountNumber)
{
    public string MaskedNumber => Masking.KeepEnds(AccountNumber);
}

public sealed record BankAccountInput(string? BankName, string? AccountName, string? AccountNumber);
