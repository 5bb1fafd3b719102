using FluentAssertions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SubsidyService.BrowserTests;

/// <summary>
/// The journey's record: a screenshot of each step (full page at 1280 px, the first screen at 375 px) in
/// <see cref="Folder"/>, numbered in order; a failed step, or one whose page fails a <see cref="PageChecks"/>
/// check, also keeps the page's HTML there. The checks' findings are gathered and judged at the end, so that
/// one run names every page that needs fixing.
/// </summary>
public sealed class JourneyRecord
{
    /// <summary>Beside the test assembly: tests/SubsidyService.BrowserTests/bin/&lt;configuration&gt;/net10.0/TestResults/journey.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "journey");

    private readonly ITestOutputHelper _output;
    private readonly List<string> _findings = [];
    private int _step;

    public JourneyRecord(ITestOutputHelper output)
    {
        _output = output;
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
        Say($"journey screenshots: {Folder}");
    }

    /// <summary>
    /// Runs one step on <paramref name="page"/>, then checks the page it ends on and keeps its screenshot.
    /// <paramref name="ours"/> false for a page the project does not write (the job dashboard): only the
    /// console and the answers are checked there.
    /// </summary>
    public async Task StepAsync(string name, IPage page, PageChecks checks, Func<Task> action, bool ours = true)
    {
        var label = $"{++_step:00}-{name}";
        try
        {
            await action();
        }
        catch (Exception e)
        {
            await KeepAsync(page, label + "-failed", html: true);
            throw new JourneyStepFailed($"step {label} failed on {page.Url}; its screenshot and HTML are in {Folder}", e);
        }
        var problems = await checks.CheckAsync(page, ours);
        await KeepAsync(page, label, html: problems.Count > 0);
        _findings.AddRange(problems.Select(p => $"{label} ({new Uri(page.Url).PathAndQuery}): {p}"));
        Say($"{label}: {page.Url}");
        foreach (var p in problems) Say($"    ✘ {p}");
    }

    /// <summary>Every page visited passed every check.</summary>
    public void AssertEveryPagePassed() =>
        _findings.Should().BeEmpty("every page the journey visits must pass the page checks (screenshots and HTML in {0})", Folder);

    private async Task KeepAsync(IPage page, string label, bool html)
    {
        try
        {
            if (html) await File.WriteAllTextAsync(Path.Combine(Folder, label + ".html"), await page.ContentAsync());
            await page.SetViewportSizeAsync(PageChecks.Narrow, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, label + ".375.png") });
            await page.SetViewportSizeAsync(PageChecks.Wide, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, label + ".png"), FullPage = true });
        }
        catch (PlaywrightException e)
        {
            Say($"{label}: could not keep the page ({e.Message})");
        }
    }

    public void Say(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine(line);
    }
}

public sealed class JourneyStepFailed(string message, Exception inner) : Exception(message, inner);
