using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SubsidyService.Letters;

namespace SubsidyService.Tests.Letters;

/// <summary>The service's registration of the renderer: one per process, checked while the host starts.</summary>
public sealed class LetterRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("letter-templates-");

    public LetterRegistrationTests()
    {
        var letters = Directory.CreateDirectory(Path.Combine(_root.FullName, LetterTemplates.Subdirectory));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "templates", LetterTemplates.Subdirectory)))
            File.Copy(file, Path.Combine(letters.FullName, Path.GetFileName(file)));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private ServiceProvider Services() => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Templates:Directory"] = _root.FullName }).Build())
        .AddLetterRendering()
        .BuildServiceProvider();

    [Fact]
    public async Task Registration_checks_the_templates_when_the_host_starts()
    {
        var approval = Path.Combine(_root.FullName, LetterTemplates.Subdirectory, "approval.txt");
        File.WriteAllText(approval, File.ReadAllText(approval).Replace("{amount}", "{amont}"));
        using var services = Services();

        var start = () => services.GetServices<IHostedService>().Single(s => s.GetType().Name.Contains("Letter")).StartAsync(CancellationToken.None);

        await start.Should().ThrowAsync<LetterTemplateException>().WithMessage("*{amont}*");
    }

    [Fact]
    public void Registration_gives_one_renderer_for_the_process()
    {
        using var services = Services();

        services.GetRequiredService<LetterRenderer>().Should().BeSameAs(services.GetRequiredService<LetterRenderer>());
    }
}
