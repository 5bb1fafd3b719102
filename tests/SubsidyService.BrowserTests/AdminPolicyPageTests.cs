using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPolicyPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_gives_the_default_version_a_last_day_through_the_page()
    {
        var page = await fixture.SignedInAsync("admin.demo");
        await page.GotoAsync("/Admin/Policies");
        await page.SelectOptionAsync("#EndVersion", "2023-item13");
        // Far enough ahead that the other browser tests' judgment dates stay covered.
        await page.FillAsync("#EndDate", "2099-12-31");
        await page.ClickAsync("button:has-text('保存失效日期')");

        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("失效日期已设为 2099年12月31日");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("2023年1月1日 至 2099年12月31日");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-policies"), FullPage = true });
    }
}
