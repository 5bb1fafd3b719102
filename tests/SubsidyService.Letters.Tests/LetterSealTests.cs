using System.Text;
using FluentAssertions;

namespace SubsidyService.Letters.Tests;

/// <summary>Sealed letters checked by poppler's pdfsig, as anyone receiving one could check it.</summary>
public sealed class LetterSealTests(LetterSealFixture fixture) : IClassFixture<LetterSealFixture>
{
    private const int MaxBytes = 40 * 1024;
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_sealed_letter_verifies_and_its_signature_covers_the_whole_file()
    {
        foreach (var content in new[] { LetterSamples.Approval(), LetterSamples.Rejection() })
        {
            var pdf = fixture.Seal.Seal(fixture.Renderer.Render(content), SignedAt);

            var report = Poppler.Signatures(pdf);
            report.Should().Contain("Signature is Valid.").And.Contain("Total document signed");
            report.Should().Contain("ETSI.CAdES.detached").And.Contain("演示用电子印章（非正式）");
            pdf.Length.Should().BeLessThan(MaxBytes);
            pdf.Length.Should().BeLessThan(fixture.Renderer.Render(content).Length + 4 * 1024, "the seal adds a few KB, not more");
        }
    }

    [Fact]
    public void One_byte_of_the_text_changed_breaks_the_seal()
    {
        var pdf = fixture.Seal.Seal(fixture.Renderer.Render(LetterSamples.Approval()), SignedAt);
        var at = IndexOf(pdf, "SubsidyService");
        at.Should().BePositive();

        pdf[at] = (byte)'X';

        var report = Poppler.Signatures(pdf);
        report.Should().NotContain("Signature is Valid.").And.Contain("Digest Mismatch.");
    }

    [Fact]
    public void The_seal_is_appended_and_the_letter_reads_as_before()
    {
        var unsealed = fixture.Renderer.Render(LetterSamples.Approval());
        var pdf = fixture.Seal.Seal(unsealed, SignedAt);

        pdf.AsSpan(0, unsealed.Length).SequenceEqual(unsealed).Should().BeTrue("an incremental update leaves the original bytes as they were");
        Poppler.Text(pdf).Should().Be(Poppler.Text(unsealed));
        Poppler.Pages(pdf).Should().Be(Poppler.Pages(unsealed));
    }

    [Fact]
    public void Two_seals_differ_only_in_the_signing_time_and_the_signature()
    {
        var unsealed = fixture.Renderer.Render(LetterSamples.Approval());
        var first = fixture.Seal.Seal(unsealed, SignedAt);

        fixture.Seal.Seal(unsealed, SignedAt).Should().Equal(first, "the same letter sealed at the same time gives the same bytes");

        var later = fixture.Seal.Seal(unsealed, SignedAt.AddHours(5));
        later.Length.Should().Be(first.Length);
        var contents = IndexOf(first, "/Contents <");
        var time = IndexOf(first, "/M (D:");
        var differing = Enumerable.Range(0, first.Length).Where(i => first[i] != later[i]).ToList();
        differing.Should().NotBeEmpty();
        var contentsEnd = IndexOf(first.AsSpan(contents).ToArray(), ">") + contents;
        differing.Should().OnlyContain(i => (i > time && i < time + 24) || (i > contents && i < contentsEnd),
            "only the signing time and the signature's contents change");
    }

    private static int IndexOf(byte[] pdf, string ascii) => pdf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii));
}
