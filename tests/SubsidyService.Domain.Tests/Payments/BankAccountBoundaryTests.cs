using FluentAssertions;
using SubsidyService.Domain.Payments;

namespace SubsidyService.Domain.Tests.Payments;

/// <summary>The account number's length limits themselves, and the words each refusal gives.</summary>
public class BankAccountBoundaryTests
{
    [Theory]
    [InlineData(BankAccountValidator.MinDigits)]
    [InlineData(BankAccountValidator.MaxDigits)]
    public void A_number_of_exactly_the_shortest_or_longest_length_is_taken(int length) =>
        BankAccountValidator.Validate(new("银行", "张明", new string('6', length))).IsValid.Should().BeTrue();

    [Fact]
    public void A_bad_number_is_told_the_lengths_allowed() =>
        BankAccountValidator.Validate(new("银行", "张明", "1234567")).Errors["bankAccount.accountNumber"]
            .Should().Equal("银行账号须为 8 至 32 位数字");

    [Fact]
    public void No_account_at_all_is_named_as_such() =>
        BankAccountValidator.Validate(null).Errors["bankAccount"].Should().Equal("收款账户不能为空");

    [Theory]
    [InlineData("bankAccount.bankName", "开户银行不能为空")]
    [InlineData("bankAccount.accountName", "账户名称不能为空")]
    [InlineData("bankAccount.accountNumber", "银行账号不能为空")]
    public void Each_missing_part_is_named_in_words(string key, string message) =>
        BankAccountValidator.Validate(new(null, null, null)).Errors[key].Should().Equal(message);
}
