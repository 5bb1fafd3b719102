using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>One service process and one headless Chromium (Debian's) for the whole browser test run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public ServiceProcess Service { get; private set; } = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The service, PostgreSQL, Chromium and the other test projects share two cores in CI: a page can
        // take well over Playwright's default 5 s to answer a post.
        Assertions.SetDefaultExpectTimeout(30_000);
        Service = await ServiceProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Playwright's own browser download does not work here; Debian's needs these to run as root offline.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseUrl.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string username)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Username", username);
        await page.FillAsync("#Password", "Demo#2026");
        await page.ClickAsync("button[type=submit]");
        // Only a signed-in page has the sign-out button; waiting for it does not depend on load events.
        await Assertions.Expect(page.Locator("button:has-text('退出登录')")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Where a screenshot goes, for a person to look at after a run.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "subsidy-screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
