using FluentAssertions;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>Domicile and same-dispute findings in exact words, and the patent and party-name forms they rest on; one case a test.</summary>
public class ScreeningDetailTests
{
    private const string Me = "11010519491231002X";
    private static readonly Guid Candidate = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimA = Guid.Parse("a0000000-0000-0000-0000-000000000000");

    private static IReadOnlyList<ScreeningFinding> SameDispute(string[] myPatents, string[] myParties, string[] theirPatents, string[] theirParties) =>
        DuplicateScreening.Screen(
            new ScreeningCandidate(Candidate, Me, "(2025)浙民终112号", ["24332000000012345678"]) { PatentNumbers = myPatents, OpposingParties = myParties },
            [new LiveClaimRow(ClaimA, Me, "(2024)浙02民初6380号", ["24332000000087654321"]) { PatentNumbers = theirPatents, OpposingParties = theirParties }],
            []);

    [Fact]
    public void A_region_outside_the_county_is_named() =>
        DomicileScreening.Screen("91110105MA2B3C4D5X", true, ["330212"])
            .Should().Be(new ScreeningFinding(ScreeningCode.DomicileUnverified, false,
                "证件号码中的行政区划代码（110105）不是本县的代码：请审核人核实户籍或注册地证明", null, null));

    [Fact]
    public void A_number_too_short_to_hold_a_region_says_none() =>
        DomicileScreening.Screen("11010", false, ["330212"])!.Detail
            .Should().Be("证件号码中的行政区划代码（无）不是本县的代码：请审核人核实户籍或注册地证明");

    [Fact]
    public void A_resident_id_numbers_region_is_its_first_six_digits() => Registrant.RegionCodeOf("330212198001011234", false).Should().Be("330212");

    [Fact]
    public void A_credit_codes_region_starts_at_its_third_character() => Registrant.RegionCodeOf("91330212MA2B3C4D5X", true).Should().Be("330212");

    [Fact]
    public void Six_characters_hold_a_region() => Registrant.RegionCodeOf("330212", false).Should().Be("330212");

    [Fact]
    public void Five_characters_hold_no_region() => Registrant.RegionCodeOf("33021", false).Should().BeNull();

    [Fact]
    public void Domicile_screening_refuses_a_missing_number()
    {
        var act = () => DomicileScreening.Screen(null!, false, ["330212"]);
        act.Should().Throw<ArgumentNullException>().WithParameterName("idNumber");
    }

    [Fact]
    public void Domicile_screening_refuses_missing_county_codes()
    {
        var act = () => DomicileScreening.Screen(Me, false, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("countyCodes");
    }

    [Fact]
    public void A_same_dispute_names_the_patent_and_the_opponent() =>
        SameDispute(["2020101234562"], ["甲公司"], ["2020101234562"], [" 甲 公司 "]).Single()
            .Should().Be(new ScreeningFinding(ScreeningCode.SameDispute, false,
                "另一份申请涉及同一专利和同一对方当事人（专利 ZL202010123456.2，对方当事人 甲公司），可能为同一纠纷的另一审级：请审核人确认（同一纠纷只补助一次）或说明理由后排除",
                ClaimA, null));

    [Fact]
    public void Shared_patents_are_listed_in_ordinal_order() =>
        SameDispute(["2020101234577", "100000002"], ["甲公司"], ["100000002", "2020101234577"], ["甲公司"]).Single().Detail
            .Should().StartWith("另一份申请涉及同一专利和同一对方当事人（专利 ZL10000000.2、ZL202010123457.7，对方当事人 甲公司）");

    [Fact]
    public void A_shared_patent_without_a_shared_opponent_is_no_finding() =>
        SameDispute(["2020101234562"], ["甲公司"], ["2020101234562"], ["乙公司"]).Should().BeEmpty();

    [Fact]
    public void A_shared_opponent_without_a_shared_patent_is_no_finding() =>
        SameDispute(["2020101234562"], ["甲公司"], ["2020101234577"], ["甲公司"]).Should().BeEmpty();

    [Fact]
    public void A_patent_number_is_displayed_with_its_prefix_and_dot() => PatentNumber.Display("2020101234562").Should().Be("ZL202010123456.2");

    [Fact]
    public void A_one_character_text_is_displayed_as_it_is() => PatentNumber.Display("2").Should().Be("2");

    [Fact]
    public void Two_characters_are_displayed_as_a_patent_number() => PatentNumber.Display("12").Should().Be("ZL1.2");

    [Fact]
    public void The_check_character_of_eight_digits() => PatentNumber.CheckCharacter("10000000").Should().Be('2');

    [Fact]
    public void The_check_character_uses_every_weight() => PatentNumber.CheckCharacter("202010123457").Should().Be('7');

    [Fact]
    public void A_check_character_of_ten_is_x() => PatentNumber.CheckCharacter("10000007").Should().Be('X');

    [Fact]
    public void Nine_digits_have_no_check_character()
    {
        var act = () => PatentNumber.CheckCharacter("100000000");
        act.Should().Throw<ArgumentException>().WithParameterName("digits").WithMessage("须为 8 或 12 位数字*");
    }

    [Fact]
    public void Letters_have_no_check_character()
    {
        var act = () => PatentNumber.CheckCharacter("1000000A");
        act.Should().Throw<ArgumentException>().WithParameterName("digits");
    }

    [Fact]
    public void A_patent_number_of_another_length_is_not_one() => PatentNumber.Canonical("20201012345612").Should().BeNull();

    [Fact]
    public void A_patent_number_with_a_letter_among_its_digits_is_not_one() => PatentNumber.Canonical("202010I234562").Should().BeNull();

    [Fact]
    public void An_eight_digit_patent_number_is_canonical() => PatentNumber.Canonical(" zl 1000 0000.2 ").Should().Be("100000002");

    [Fact]
    public void A_party_name_loses_width_spaces_and_bracket_style() =>
        PartyName.Normalise(" 某某科技（宁波）有限公司\u200B ").Should().Be("某某科技(宁波)有限公司");

    [Fact]
    public void A_party_names_latin_letters_are_upper_cased() => PartyName.Normalise("ａｂｃ Ltd.").Should().Be("ABCLTD.");

    [Fact]
    public void Two_spellings_of_one_party_are_the_same() => PartyName.Same("甲公司 ", "甲 公司").Should().BeTrue();

    [Fact]
    public void Two_parties_are_not_the_same() => PartyName.Same("甲公司", "乙公司").Should().BeFalse();

    [Fact]
    public void A_patent_number_refuses_missing_text()
    {
        var act = () => PatentNumber.Canonical(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void A_check_character_refuses_missing_digits()
    {
        var act = () => PatentNumber.CheckCharacter(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("digits");
    }

    [Fact]
    public void Display_refuses_missing_text()
    {
        var act = () => PatentNumber.Display(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("canonical");
    }

    [Fact]
    public void A_party_name_refuses_missing_text()
    {
        var act = () => PartyName.Normalise(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }
}
