namespace SubsidyService.Tests.Infrastructure;

/// <summary>One migrated database and one service node per test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private SubsidyApp? _app;
    public SubsidyApp App => _app ?? throw new InvalidOperationException("fixture not initialised");
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        _app = new SubsidyApp(ConnectionString);
        _ = _app.Server; // start now, so a failing start shows in the fixture, not in the first test
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
