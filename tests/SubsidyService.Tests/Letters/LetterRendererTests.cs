using System.Diagnostics;
using FluentAssertions;
using SubsidyService.Letters;

namespace SubsidyService.Tests.Letters;

public sealed class LetterRendererTests
{
    [Fact]
    public void Scratch()
    {
        using var renderer = LetterRenderer.Create(Path.Combine(AppContext.BaseDirectory, "templates"));
        var pdf = renderer.Render(LetterSamples.Approval());
        File.WriteAllBytes("/tmp/letters-approval.pdf", pdf);
        File.WriteAllBytes("/tmp/letters-rejection.pdf", renderer.Render(LetterSamples.Rejection()));
        pdf.Length.Should().BeGreaterThan(0);
    }
}
