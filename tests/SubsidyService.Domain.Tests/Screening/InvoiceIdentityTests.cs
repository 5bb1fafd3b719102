using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>Invoice identities as screening keys and as people read them, one case a test.</summary>
public class InvoiceIdentityTests
{
    [Fact]
    public void A_number_alone_is_its_digits() => InvoiceNumber.Identity(null, "2433 2000 0000 1234 5678").Should().Be("24332000000012345678");

    [Fact]
    public void A_code_and_number_are_joined_by_a_hyphen() => InvoiceNumber.Identity(" 3300231130 ", "1234 5678").Should().Be("3300231130-12345678");

    [Fact]
    public void An_identity_is_normalised_part_by_part() => InvoiceNumber.NormaliseIdentity("３３００２３１１３０ - 1234 5678").Should().Be("3300231130-12345678");

    [Fact]
    public void An_identity_without_a_hyphen_is_its_digits() => InvoiceNumber.NormaliseIdentity("No.12345678").Should().Be("12345678");

    [Fact]
    public void An_identity_starting_with_a_hyphen_keeps_it() => InvoiceNumber.NormaliseIdentity("-12345678").Should().Be("-12345678");

    [Fact]
    public void A_foreign_identity_is_kept_as_it_is() => InvoiceNumber.NormaliseIdentity("FX:USD:INV-7").Should().Be("FX:USD:INV-7");

    [Fact]
    public void A_foreign_identity_is_the_currency_and_the_numbers_letters_and_digits() =>
        InvoiceNumber.ForeignIdentity(" usd ", "inv-0042/b").Should().Be("FX:USD:INV0042B");

    [Fact]
    public void A_coded_identity_is_described_with_code_and_number() => InvoiceNumber.Describe("3300231130-12345678").Should().Be("代码 3300231130 号码 12345678");

    [Fact]
    public void A_number_alone_is_described_as_itself() => InvoiceNumber.Describe("24332000000012345678").Should().Be("24332000000012345678");

    [Fact]
    public void An_identity_starting_with_a_hyphen_is_described_with_an_empty_code() => InvoiceNumber.Describe("-12345678").Should().Be("代码  号码 12345678");

    [Fact]
    public void A_foreign_identity_is_described_as_foreign() => InvoiceNumber.Describe("FX:USD:INV0042B").Should().Be("境外发票 USD INV0042B");

    [Theory]
    [InlineData("3300231130")]
    [InlineData("330023113012")]
    [InlineData(" ３３００２３１１３０ ")]
    public void Ten_or_twelve_digits_are_a_code(string s) => InvoiceNumber.IsValidCode(s).Should().BeTrue();

    [Theory]
    [InlineData("330023113")]
    [InlineData("33002311301")]
    [InlineData("3300231130123")]
    [InlineData("33002311a0")]
    [InlineData("")]
    public void Anything_else_is_not_a_code(string s) => InvoiceNumber.IsValidCode(s).Should().BeFalse();

    [Fact]
    public void Eight_digits_need_a_code() => InvoiceNumber.NeedsCode("1234 5678").Should().BeTrue();

    [Fact]
    public void Nine_digits_need_no_code() => InvoiceNumber.NeedsCode("123456789").Should().BeFalse();

    [Fact]
    public void Twenty_digits_need_no_code() => InvoiceNumber.NeedsCode("24332000000012345678").Should().BeFalse();

    [Fact]
    public void Identity_refuses_a_missing_number_by_name()
    {
        var act = () => InvoiceNumber.Identity("3300231130", null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("number");
    }

    [Fact]
    public void ForeignIdentity_refuses_a_missing_currency_by_name()
    {
        var act = () => InvoiceNumber.ForeignIdentity(null!, "INV1");
        act.Should().Throw<ArgumentNullException>().WithParameterName("currency");
    }

    [Fact]
    public void ForeignIdentity_refuses_a_missing_number_by_name()
    {
        var act = () => InvoiceNumber.ForeignIdentity("USD", null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("number");
    }

    [Fact]
    public void NormaliseIdentity_refuses_a_missing_identity_by_name()
    {
        var act = () => InvoiceNumber.NormaliseIdentity(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("identity");
    }

    [Fact]
    public void Describe_refuses_a_missing_identity_by_name()
    {
        var act = () => InvoiceNumber.Describe(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("identity");
    }

    [Fact]
    public void IsValidCode_refuses_missing_text_by_name()
    {
        var act = () => InvoiceNumber.IsValidCode(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void Digits_refuses_missing_text_by_name()
    {
        var act = () => InvoiceNumber.Digits(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void IsValid_refuses_missing_text_by_name()
    {
        var act = () => InvoiceNumber.IsValid(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }
}
