
namespace SubsidyService.Letters.Tests;

/// <summary>One renderer per test class, on the templates the build copies beside the tests.</summary>
public sealed class LetterRendererFixture : IDisposable
{
    public static string TemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    public LetterRenderer Renderer { get; } = LetterRenderer.Create(TemplatesDirectory);

    public void Dispose() => Renderer.Dispose();
}
