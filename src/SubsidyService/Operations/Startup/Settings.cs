using static SubsidyService.Operations.Startup.Setting;

namespace SubsidyService.Operations.Startup;

/// <summary>
/// Every configuration key the service reads and the form of its value, checked before anything starts
/// (<see cref="SettingsCheck"/>). appsettings.example.json and docs/operations.md list the same keys; a test
/// keeps the three and the source in step, so a key added to the code needs a row here.
/// </summary>
public static class Settings
{
    public static readonly IReadOnlyList<Setting> All =
    [
        Text("ConnectionStrings:Subsidy"),
        Text("ConnectionStrings:SubsidyMigrations"),
        Bool("Database:MigrateOnStart"),
        Bool("Database:AllowPrivilegedRole"),
        Text("Embedded:DataDirectory"),
        Bool("Embedded:AllowInProduction"),
        Text("Audit:SealKey"),
        ExistingFile("Audit:SealKeyFile"),
        ExistingFile("DataProtection:CertificateFile"),
        Text("DataProtection:CertificatePassword"),
        Urls("Urls"),
        Address("ForwardedHeaders:KnownProxies:*"),
        Text("Smtp:Host"),
        Int("Smtp:Port", 1, 65535),
        OneOf("Smtp:Security", "none", "STARTTLS", "SSL", "TLS"),
        Text("Smtp:From"),
        Text("Smtp:User"),
        Text("Smtp:Password"),
        Int("Notifications:OverdueWorkingDays", 0),
        Duration("Notifications:PollInterval"),
        Int("Workflow:PublicNoticeWorkingDays", 0, 365),
        Int("Workflow:SerializedTransitionsPerNode", 1, 1000),
        Date("Calendar:Holidays:*"),
        Date("Calendar:MakeUpWorkingDays:*"),
        Bool("Demo:Seed"),
        Text("Authority:Name"),
        Url("Authority:PublicUrl"),
        Text("Authority:LetterPrefix"),
        Text("Authority:ConsultationPhone"),
        Text("Authority:RegionCodes:*"),
        Int("RateLimits:EstimatePerMinute", 1),
        Int("RateLimits:SignInPerMinute", 1),
        Int("RateLimits:LetterVerifyPerMinute", 1),
        Int("RateLimits:RegistrationsPerAddressPerDay", 1),
        Int("Uploads:MaxBytesPerApplicant", 1),
        Int("Uploads:PerMinute", 1),
        Int("Claims:MaxDraftsPerApplicant", 1),
        Duration("Idempotency:KeyLifetime"),
        Duration("Idempotency:PollInterval"),
        Duration("Idempotency:WaitLimit"),
        Text("Templates:Directory"),
        Text("Letters:NumberPrefix"),
        ExistingFile("Letters:CjkFontFile"),
        ExistingFile("Letters:LatinFontFile"),
        ExistingFile("Letters:SigningCertificateFile"),
        Text("Letters:SigningCertificatePassword"),
        Duration("Jobs:InvisibilityTimeout"),
        Int("Jobs:WorkerCount", 1, 100),
        Duration("Jobs:QueuePollInterval"),
        Duration("Jobs:SchedulePollingInterval"),
        Cron("Jobs:Schedules:*"),
        OneOf("Payouts:Channel", "file", "simulated"),
        Cron("Payouts:Cron"),
        Int("Payouts:SimulatedDelaySeconds", 0, 86400),
        Fraction("Payouts:SimulatedFailureRate"),
        Int("Payouts:ChunkSize", 1, 100000),
        Int("Payouts:MaxAttempts", 1, 100),
        Bool("Payouts:Paused"),
        Bool("Bench:FloorEndpoint"),
    ];
}
