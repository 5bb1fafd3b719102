using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

public class InvoiceNumberTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("12345678901234567890")]
    [InlineData("  24332000000012345678 ")]
    [InlineData("１２３４５６７８")]
    public void Eight_to_twenty_digits_are_valid(string s) => InvoiceNumber.IsValid(s).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789012345678901")]
    [InlineData("1234 5678")]
    [InlineData("1234-5678")]
    [InlineData("No.12345678")]
    public void Anything_else_is_invalid(string s) => InvoiceNumber.IsValid(s).Should().BeFalse();

    [Theory]
    [InlineData(" 1234 5678 ", "12345678")]
    [InlineData("No.１２３-45678", "12345678")]
    public void Digits_keeps_only_digits(string s, string digits) => InvoiceNumber.Digits(s).Should().Be(digits);
}
