using System.Text.RegularExpressions;
using FluentAssertions;

namespace SubsidyService.Letters.Tests;

/// <summary>The recovery notice (追回告知书), read back with pdftotext.</summary>
public sealed partial class RecoveryNoticeTests(LetterSealFixture fixture) : IClassFixture<LetterSealFixture>
{
    private string Text(LetterContent content) => Whitespace().Replace(Poppler.Text(fixture.Renderer.Render(content)), "");

    [Fact]
    public void The_notice_states_the_amount_in_both_forms_the_grounds_the_undertaking_and_the_deadline()
    {
        var text = Text(LetterSamples.RecoveryNotice());

        text.Should().Contain("专利维权代理费补助追回告知书").And.Contain("县知补〔2026〕第0003号").And.Contain("受理编号2026-000123");
        text.Should().Contain("6,000.50").And.Contain("人民币陆仟元伍角整").And.Contain("10,000.00");
        text.Should().Contain("同一案件已获其他各级政府同类资助或奖励").And.Contain("已于2026年9月获省级维权资助");
        text.Should().Contain("《申请人承诺书》（2026-1版）");
        text.Should().Contain("请于2026年12月23日前将上述款项全额缴回国库").And.Contain("咨询电话：0574-87654321");
        text.Should().Contain("六十日内申请行政复议").And.Contain("六个月内提起行政诉讼");
        var code = LetterSamples.CompanyCode;
        text.Should().Contain(code[..3] + new string('*', code.Length - 7) + code[^4..]).And.NotContain(code);
    }

    [Fact]
    public void Lines_without_their_facts_are_left_out()
    {
        var text = Text(LetterSamples.RecoveryNotice(phone: null, undertaking: null, applicationNumber: null));

        text.Should().NotContain("咨询电话").And.NotContain("承诺书版本").And.NotContain("受理编号");
        text.Should().Contain("请于2026年12月23日前");
    }

    [Fact]
    public void The_notice_is_sealed_like_the_other_letters()
    {
        var pdf = fixture.Seal.Seal(fixture.Renderer.Render(LetterSamples.RecoveryNotice()), DateTimeOffset.UtcNow);

        Poppler.Signatures(pdf).Should().Contain("Signature is Valid.").And.Contain("Total document signed");
        pdf.Length.Should().BeLessThan(40 * 1024);
    }

    [Fact]
    public void A_recovery_of_more_than_was_paid_is_refused()
    {
        var sample = LetterSamples.RecoveryNotice();
        var act = () => fixture.Renderer.Render(sample with { Recovery = sample.Recovery! with { Amount = 10_000.01m } });
        act.Should().Throw<ArgumentException>();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
