using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// The journey's own service (it moves the service's clock, which no other test should meet), with mail going
/// to a maildev, letters' QR codes pointing at it, and jobs polled often enough for a person waiting at a page.
/// </summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    public ServiceProcess Service { get; private set; } = null!;
    public MailDevProcess Mail { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        Mail = await MailDevProcess.StartAsync(ServiceProcess.RunRoot);
        var port = TestMachine.FreePort();
        var settings = new Dictionary<string, string>(Mail.Settings())
        {
            ["Authority__PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Jobs__QueuePollInterval"] = "00:00:01",
            ["Jobs__SchedulePollingInterval"] = "00:00:01",
        };
        Service = await ServiceProcess.StartAsync(settings, port);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public Task<IPage> NewPageAsync() => BrowserFixture.NewPageAsync(Browser, Service.BaseUrl);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
        if (Mail is not null) await Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyFixture>
{
    public const string Name = "journey";
}
