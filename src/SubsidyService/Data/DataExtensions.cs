using SubsidyService.Kernel;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace SubsidyService.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var options = new DatabaseOptions
        {
            ConnectionString = builder.Configuration.GetConnectionString("Subsidy"),
            MigrationsConnectionString = builder.Configuration.GetConnectionString("SubsidyMigrations") is { Length: > 0 } m ? m : null,
            DirectConnectionString = builder.Configuration.GetConnectionString("SubsidyDirect") is { Length: > 0 } d ? d : null,
            BehindPgBouncer = string.Equals(builder.Configuration["Database:Pooler"]?.Trim(), "pgbouncer", StringComparison.OrdinalIgnoreCase),
            DataDirectory = builder.Configuration["Embedded:DataDirectory"] ?? ".data",
            MigrateOnStart = builder.Configuration.GetValue<bool?>("Database:MigrateOnStart"),
            AllowPrivilegedRole = builder.Configuration.GetValue("Database:AllowPrivilegedRole", false),
            InProduction = builder.Environment.IsProduction(),
        };
        // Checked before anything starts: a production host without a connection string is a forgotten
        // setting far more often than a wish to keep the county's data in a folder beside the program.
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.InProduction
            && !builder.Configuration.GetValue("Embedded:AllowInProduction", false))
            throw new Kernel.StartupFailure(
                "ConnectionStrings:Subsidy is not set, and the embedded PostgreSQL is for development and demonstrations: " +
                "set ConnectionStrings__Subsidy (docs/operations.md), or Embedded__AllowInProduction=true to run embedded in Production anyway.");
        // Through a transaction-mode pooler a LISTEN lands on whichever server connection is free and is never heard.
        if (options.BehindPgBouncer && (string.IsNullOrWhiteSpace(options.ConnectionString) || options.DirectConnectionString is null))
            throw new Kernel.StartupFailure(
                "Database:Pooler=pgbouncer needs ConnectionStrings:Subsidy (through PgBouncer) and ConnectionStrings:SubsidyDirect " +
                "(the same role straight to PostgreSQL, for LISTEN): set ConnectionStrings__SubsidyDirect (docs/operations.md).");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Database>().DataSource);
        builder.Services.AddKeyedSingleton(ListenSessions.Key, (sp, _) => sp.GetRequiredService<Database>().ListenDataSource);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SubsidyService");
        if (KeyRingCertificate.Load(builder.Configuration, options) is { } certificate)
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        else
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<Database>((o, db) => o.XmlRepository = new PostgresXmlRepository(db));
        return builder;
    }

    /// <summary>
    /// Starts (or connects to) the database and migrates it, then makes sure the shared key ring has a
    /// key: created under an advisory lock, so nodes starting together do not each make their own.
    /// </summary>
    public static async Task StartDatabaseAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Database>();
        await db.StartAsync();
        await using var conn = await db.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await AdvisoryLocks.ForTransactionAsync(conn, tx, AdvisoryLocks.KeyRing);
        var keys = app.Services.GetRequiredService<IKeyManager>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!keys.GetAllKeys().Any(k => k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2) && !k.IsRevoked))
            keys.CreateNewKey(now, now.AddDays(90));
        await tx.CommitAsync();
    }
}
