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

    [Fact]
    public async Task A_version_an_admin_adds_waits_until_finance_confirms_it_on_its_page()
    {
        var admin = await fixture.SignedInAsync("admin.demo");
        await admin.GotoAsync("/Admin/Policies");
        // Years before the default version and before any claim's judgment: it overlaps nothing and back-dates over no claim.
        await admin.FillAsync("#Id", "2010-trial");
        await admin.FillAsync("#EffectiveFrom", "2010-01-01");
        await admin.FillAsync("#EffectiveTo", "2010-12-31");
        await admin.FillAsync("[id='caps.natural_person']", "3000.00");
        await admin.FillAsync("[id='caps.legal_person']", "8000.00");
        await admin.FillAsync("[id='caps.major_or_foreign']", "40000.00");
        await admin.ClickAsync("button:has-text('添加版本')");
        await Assertions.Expect(admin.Locator(".success")).ToContainTextAsync("须由另一名管理员或财务人员确认后生效");
        await Assertions.Expect(admin.Locator("table")).ToContainTextAsync("待他人确认");
        await admin.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-policies-pending"), FullPage = true });

        var finance = await fixture.SignedInAsync("finance.demo");
        await finance.GotoAsync("/Finance/Policies");
        await Assertions.Expect(finance.Locator("table")).ToContainTextAsync("2010年版（第十三项）");
        await finance.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("finance-policies"), FullPage = true });
        finance.Dialog += (_, dialog) => dialog.AcceptAsync();
        await finance.ClickAsync("button:has-text('确认生效')");
        await Assertions.Expect(finance.Locator(".success")).ToContainTextAsync("2010年版（第十三项）已确认");
    }
}
