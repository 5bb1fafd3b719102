using SubsidyService.Data;

namespace SubsidyService.Cli;

/// <summary>
/// <c>SubsidyService migrate</c>: applies the migrations with the owner's connection string, grants the service's
/// role its rows, and exits; run before starting upgraded nodes that do not migrate themselves.
/// </summary>
public static class MigrateCommand
{
    public static async Task<bool> RunMigrateCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["migrate", ..]) return false;
        var applied = await app.Services.GetRequiredService<Database>().MigrateOnlyAsync();
        Console.WriteLine($"Applied {applied} migration(s); the schema is current.");
        await app.DisposeAsync();
        return true;
    }
}
