using FluentAssertions;
using SubsidyService.Domain.Payments;

namespace SubsidyService.Domain.Tests.Payments;

public class BankAccountValidatorTests
{
    [Fact]
    public void Spaces_and_dashes_between_digit_groups_are_dropped()
    {
        var r = BankAccountValidator.Validate(new("中国工商银行某县支行", "张明", "6222 0212-3456 7890"));
        r.IsValid.Should().BeTrue();
        r.Value!.AccountNumber.Should().Be("6222021234567890");
        r.Value.MaskedNumber.Should().Be("622*********7890");
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("62220212345678AB")]
    public void A_number_that_is_not_8_to_32_digits_is_named(string number)
    {
        var r = BankAccountValidator.Validate(new("银行", "张明", number));
        r.Errors.Keys.Should().Equal("bankAccount.accountNumber");
    }

    [Fact]
    public void Every_missing_part_is_named()
    {
        BankAccountValidator.Validate(new(null, " ", null)).Errors.Keys.Should()
            .BeEquivalentTo("bankAccount.bankName", "bankAccount.accountName", "bankAccount.accountNumber");
        BankAccountValidator.Validate(null).Errors.Keys.Should().Equal("bankAccount");
    }
}
