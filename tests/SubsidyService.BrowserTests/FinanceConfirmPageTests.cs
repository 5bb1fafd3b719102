using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>Money screens with a safety catch: bulk approval and "立即执行拨付批次" show a confirmation before anything runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceConfirmPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Bulk_approval_shows_count_total_and_budget_first_and_approves_only_on_confirmation()
    {
        var first = await DemoClaims.MakeAsync(fixture.Service.BaseUrl, "start_review", "verify");
        var second = await DemoClaims.MakeAsync(fixture.Service.BaseUrl, "start_review", "verify");
        var page = await fixture.SignedInAsync("finance.demo");
        var finance = await DemoClaims.ClientAsync(fixture.Service.BaseUrl, "finance.demo");

        await page.GotoAsync("/Finance");
        await page.CheckAsync($"#pick-{first}");
        await page.CheckAsync($"#pick-{second}");
        await page.ClickAsync("button:has-text('批准所选申请')");

        await Assertions.Expect(page.Locator("#approve-confirm h2")).ToHaveTextAsync("确认批量批准");
        await Assertions.Expect(page.Locator("#confirm-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#confirm-total")).ToHaveTextAsync("8,000.00 元");
        await Assertions.Expect(page.Locator("#confirm-budget")).ToContainTextAsync("批准后剩余");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("finance-approve-confirm"), FullPage = true });
        foreach (var id in new[] { first, second })
            (await StatusAsync(finance, id)).Should().Be("verified", "the confirmation page approves nothing");

        await page.ClickAsync("button:has-text('确认批准 2 件')");
        await Assertions.Expect(page.Locator(".bulk-results h2")).ToContainTextAsync("已批准 2 件");
        foreach (var id in new[] { first, second })
            (await StatusAsync(finance, id)).Should().BeOneOf("in_public_notice", "ready_for_payout");
    }

    [Fact]
    public async Task Running_a_payout_batch_first_shows_what_would_be_paid()
    {
        var page = await fixture.SignedInAsync("finance.demo");
        var finance = await DemoClaims.ClientAsync(fixture.Service.BaseUrl, "finance.demo");
        var before = (await DemoClaims.JsonAsync(await finance.GetAsync("/api/v1/payout-batches"))).GetArrayLength();

        await page.GotoAsync("/Finance/Payouts");
        await page.ClickAsync("button:has-text('立即执行拨付批次')");
        await Assertions.Expect(page.Locator("#run-confirm h2")).ToHaveTextAsync("确认执行拨付批次");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("finance-payout-confirm"), FullPage = true });
        (await DemoClaims.JsonAsync(await finance.GetAsync("/api/v1/payout-batches"))).GetArrayLength().Should().Be(before, "the first click runs nothing");
        if (await page.Locator("#preview-empty").CountAsync() == 0)
            await Assertions.Expect(page.Locator("button:has-text('确认拨付')")).ToBeVisibleAsync();
        await page.ClickAsync("a:has-text('返回拨付批次'), a:has-text('取消')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("拨付批次");
    }

    private static async Task<string> StatusAsync(HttpClient client, Guid id) =>
        (await DemoClaims.JsonAsync(await client.GetAsync($"/api/v1/claims/{id}"))).GetProperty("status").GetString()!;
}
