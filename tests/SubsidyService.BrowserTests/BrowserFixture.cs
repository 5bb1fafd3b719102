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
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, in Chinese (dates in its date fields read 年/月/日).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        // Playwright's own browser download does not work here; Debian's needs these to run as root offline.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN"],
        // On Linux Chromium takes its own language (which orders a date field's parts) from LANGUAGE, not --lang.
        Env = new Dictionary<string, string> { ["LANGUAGE"] = "zh_CN:zh" },
    });

    public Task<IPage> NewPageAsync() => NewPageAsync(Browser, Service.BaseUrl);

    /// <summary>A page in a context of its own (its own cookies: one person), 1280 px wide, in Chinese.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string username) => await SignInAsync(await NewPageAsync(), username);

    public static async Task<IPage> SignInAsync(IPage page, string username, string password = "Demo#2026")
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Username", username);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        // Only a signed-in page has the sign-out button; waiting for it does not depend on load events. On a phone
        // it sits in the folded menu, so it is there without being visible.
        await Assertions.Expect(page.Locator("button:has-text('退出登录')")).ToBeAttachedAsync();
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
