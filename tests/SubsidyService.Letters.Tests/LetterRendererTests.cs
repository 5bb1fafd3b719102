using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Letters.Tests;

/// <summary>Real PDFs read back with poppler-utils: what a person printing or copying the letter would get.</summary>
public sealed partial class LetterRendererTests(LetterRendererFixture fixture) : IClassFixture<LetterRendererFixture>
{
    private const int MaxBytes = 40 * 1024;
    private LetterRenderer Renderer => fixture.Renderer;

    [Fact]
    public void An_approval_letter_prints_the_amount_in_both_forms_the_case_and_the_letter_number()
    {
        var content = LetterSamples.Approval();
        var text = Poppler.Text(Renderer.Render(content));

        text.Should().Contain("10,000.00").And.Contain("人民币壹万元整");
        text.Should().Contain("(2026)浙02民初1234号").And.Contain("(2026)浙民终567号");
        text.Should().Contain("县知补〔2026〕第0001号");
        text.Should().Contain("专利维权代理费补助核准通知书").And.Contain("县市场监督管理局（知识产权局）").And.Contain("2026年11月23日");
        text.Should().Contain("浙江省宁波市中级人民法院").And.Contain("2026年6月18日").And.Contain("法人档").And.Contain("50%");
        text.Should().Contain("2023年版（第十三项）").And.NotContain("2023-item13").And.Contain("公示期至2026年11月30日止");
    }

    [Fact]
    public void The_identity_number_is_printed_masked_only()
    {
        var text = Poppler.Text(Renderer.Render(LetterSamples.Approval()));

        var code = LetterSamples.CompanyCode;
        text.Should().Contain(code[..3] + new string('*', code.Length - 7) + code[^4..]);
        text.Should().NotContain(code);
    }

    [Fact]
    public void The_trace_quotes_the_words_of_item_13_it_applies()
    {
        var text = Squeezed(Poppler.Text(Renderer.Render(LetterSamples.Approval())));

        foreach (var step in LetterSamples.Approval().Approval!.Trace)
            text.Should().Contain(Squeezed(step.Clause), "each step cites its clause");
        text.Should().Contain(Squeezed("对法人补助不超过1万元"));
    }

    [Fact]
    public void A_rejection_notice_gives_the_reason_and_the_remedies()
    {
        var text = Squeezed(Normalised(Poppler.Text(Renderer.Render(LetterSamples.Rejection()))));

        text.Should().Contain("专利维权代理费补助不予补助告知书");
        text.Should().Contain("案件结果不属于胜诉").And.Contain("判决书载明驳回原告全部诉讼请求");
        text.Should().Contain("可在收到本告知书之日起六十日内申请行政复议，或者六个月内提起行政诉讼");
        text.Should().Contain("330***********123X").And.Contain("县知补〔2026〕第0002号");
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var first = Renderer.Render(LetterSamples.Approval());
        var second = Renderer.Render(LetterSamples.Approval());

        second.Should().Equal(first);
        Renderer.Render(LetterSamples.Approval(sequence: 2)).Should().NotEqual(first, "another number is another letter");
    }

    [Fact]
    public void Rendering_on_several_threads_at_once_gives_the_same_bytes_as_alone()
    {
        var expected = new[] { LetterSamples.Approval(), LetterSamples.Rejection() }.Select(c => SHA256.HashData(Renderer.Render(c))).ToArray();

        var hashes = new byte[40][];
        Parallel.For(0, hashes.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            hashes[i] = SHA256.HashData(Renderer.Render(i % 2 == 0 ? LetterSamples.Approval() : LetterSamples.Rejection())));

        for (var i = 0; i < hashes.Length; i++)
            hashes[i].Should().Equal(expected[i % 2]);
    }

    [Fact]
    public void The_text_of_each_letter_is_as_approved()
    {
        Snapshot.Match(Normalised(Poppler.Text(Renderer.Render(LetterSamples.Approval()), layout: true)), "letter-approval.txt");
        Snapshot.Match(Normalised(Poppler.Text(Renderer.Render(LetterSamples.Rejection()), layout: true)), "letter-rejection.txt");
        Snapshot.Match(Normalised(Poppler.Text(Renderer.Render(LetterSamples.RecoveryNotice()), layout: true)), "letter-recovery-notice.txt");
    }

    [Fact]
    public void Only_font_subsets_are_embedded_and_a_letter_is_small()
    {
        foreach (var pdf in new[] { Renderer.Render(LetterSamples.Approval()), Renderer.Render(LetterSamples.Rejection()) })
        {
            var fonts = Poppler.Fonts(pdf);
            fonts.Should().HaveCount(2, "one CJK font and one Latin font");
            fonts.Should().OnlyContain(row => SubsetName().IsMatch(row), "every font is a subset (XXXXXX+Name), embedded, with a Unicode map");
            pdf.Length.Should().BeLessThan(MaxBytes);
        }
    }

    [Fact]
    public void The_qr_code_holds_the_verification_address()
    {
        var content = LetterSamples.Approval();
        var pdf = Renderer.Render(content);

        Poppler.QrCodes(pdf, Poppler.Pages(pdf)).Should().Equal(content.VerificationUrl);
        content.VerificationUrl.Should().Be("https://subsidy.county.example/Letters/Verify?number=%E5%8E%BF%E7%9F%A5%E8%A1%A5%E3%80%942026%E3%80%95%E7%AC%AC0001%E5%8F%B7");
    }

    [Fact]
    public void A_long_letter_runs_over_pages_and_the_signature_never_stands_alone()
    {
        var sample = LetterSamples.Approval();
        var related = Enumerable.Range(1, 12).Select(i => $"(2026)浙民终{600 + i}号").ToList();
        var trace = Enumerable.Repeat(sample.Approval!.Trace, 4).SelectMany(t => t).ToList();
        var content = sample with { Approval = sample.Approval with { RelatedCaseNumbers = related, Trace = trace } };

        var pdf = Renderer.Render(content);

        var pages = Poppler.Pages(pdf);
        pages.Should().BeGreaterThan(2);
        var lastPage = Poppler.Text(pdf).Split('\f')[pages - 1];
        lastPage.Should().Contain("2026年11月23日").And.Contain("特此通知。", "the closing paragraph goes along with the signature");
        Squeezed(lastPage).Should().Contain($"—{pages}—", "the page number");
        Poppler.Text(pdf).Should().Contain("(2026)浙民终612号");
    }

    [Fact]
    public void Content_that_does_not_match_its_kind_is_refused()
    {
        var approval = LetterSamples.Approval();
        var act = () => Renderer.Render(approval with { Kind = LetterKind.Rejection });
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_rejection_without_the_wording_of_its_reason_is_refused()
    {
        var rejection = LetterSamples.Rejection();
        var act = () => Renderer.Render(rejection with { Rejection = rejection.Rejection! with { ReasonCode = "no_such_reason", ReasonWording = " " } });
        act.Should().Throw<ArgumentException>().WithMessage("*no_such_reason*");
    }

    /// <summary>pdftotext's output without trailing spaces, runs of blank lines or the final form feed; pages marked.</summary>
    private static string Normalised(string text)
    {
        var pages = text.Replace("\r\n", "\n").TrimEnd('\f', '\n').Split('\f');
        return string.Join("\n--- page break ---\n", pages.Select(p =>
            BlankLines().Replace(string.Join("\n", p.Split('\n').Select(l => l.TrimEnd())), "\n\n").Trim('\n'))) + "\n";
    }

    /// <summary>Text with its line breaks and spaces taken out, to find a sentence that wraps.</summary>
    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s")]
    private static partial Regex SubsetName();
}
