using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>The report page draws its four charts with the ECharts the service serves, under the service's content policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_charts_draw_for_finance_without_a_content_policy_violation()
    {
        await DemoClaims.MakeAsync(fixture.Service.BaseUrl, "start_review", "verify", "approve");
        var page = await fixture.SignedInAsync("finance.demo");
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync("/Reports");
        foreach (var chart in new[] { "chart-months", "chart-status", "chart-tier", "chart-budget" })
            await Assertions.Expect(page.Locator($"#{chart} canvas")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#by-status caption")).ToHaveTextAsync("按状态");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("reports"), FullPage = true });
        problems.Should().BeEmpty("the page's scripts run under script-src 'self' and style-src 'self'");
    }
}
