using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Payments;

/// <summary>Checks the payee account; error keys are prefixed <c>bankAccount.</c> as in the API body.</summary>
public static class BankAccountValidator
{
    public const int MinDigits = 8;
    public const int MaxDigits = 32;

    public static ValidationResult<BankAccount> Validate(BankAccountInput? input)
    {
        var e = new FieldErrors();
        if (input is null)
        {
            e.Add("bankAccount", "收款账户不能为空");
            return new ValidationResult<BankAccount>(null, e.ToDictionary());
        }
        var bank = e.Text("bankAccount.bankName", "开户银行", input.BankName, 100);
        var name = e.Text("bankAccount.accountName", "账户名称", input.AccountName, 100);
        // Clerks copy numbers with spaces or dashes between groups; only the digits matter.
        var raw = e.Text("bankAccount.accountNumber", "银行账号", input.AccountNumber, 64);
        string? digits = null;
        if (raw is not null)
        {
            var stripped = raw.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (stripped.Length is < MinDigits or > MaxDigits || !stripped.All(char.IsAsciiDigit))
                e.Add("bankAccount.accountNumber", $"银行账号须为 {MinDigits} 至 {MaxDigits} 位数字");
            else
                digits = stripped;
        }
        return e.Count > 0
            ? new ValidationResult<BankAccount>(null, e.ToDictionary())
            : new ValidationResult<BankAccount>(new BankAccount(bank!, name!, digits!), e.ToDictionary());
    }
}
