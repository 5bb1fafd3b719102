using SubsidyService.Letters.Signing;

namespace SubsidyService.Letters.Tests;

/// <summary>A renderer and a demo seal (a fresh self-signed certificate) per test class.</summary>
public sealed class LetterSealFixture : IDisposable
{
    public LetterRenderer Renderer { get; } = LetterRenderer.Create(LetterRendererFixture.TemplatesDirectory);

    public LetterSeal Seal { get; } = LetterSeal.Load(WriteDemoCertificate(), password: "seal-test", isDemo: true);

    private static string WriteDemoCertificate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"letter-seal-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(file, LetterSeal.CreateDemoPkcs12(DateTimeOffset.UtcNow, "seal-test"));
        return file;
    }

    public void Dispose()
    {
        Renderer.Dispose();
        Seal.Dispose();
    }
}
