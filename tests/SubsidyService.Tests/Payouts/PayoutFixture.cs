using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>One database and one node per test class, with no notice period and small chunks.</summary>
public sealed class PayoutFixture : IAsyncLifetime
{
    private SubsidyApp? _app;
    public SubsidyApp App => _app ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync()
    {
        _app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: PayoutSetup.Settings);
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
