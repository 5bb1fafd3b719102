using SubsidyService.Data;

namespace SubsidyService.Accounts;

/// <summary>
/// The demo accounts of API.md. Seeded only in embedded mode or when Demo:Seed is true, and never in the
/// Production environment, so a real deployment can never get an account with a published password.
/// </summary>
public sealed class DemoSeeder(AccountService accounts, UserStore users, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo#2026";

    public static readonly IReadOnlyList<(string Username, string Role, string DisplayName)> Accounts =
    [
        ("applicant.demo", Roles.Applicant, "张明（演示申请人）"),
        ("verifier.demo", Roles.Verifier, "李审核（演示）"),
        ("verifier2.demo", Roles.Verifier, "王审核（演示）"),
        ("finance.demo", Roles.Finance, "赵财务（演示）"),
        // The second person of a money move: imports the bank's results for a batch finance.demo ran.
        ("finance2.demo", Roles.Finance, "周财务（演示）"),
        ("auditor.demo", Roles.Auditor, "钱审计（演示）"),
        ("admin.demo", Roles.Admin, "孙管理（演示）"),
    ];

    /// <summary>Never in Production, whatever Demo:Seed says: a published password must not open a real deployment.</summary>
    public static bool ShouldSeed(IConfiguration config, Database db) =>
        !db.InProduction && (config.GetValue<bool?>("Demo:Seed") ?? db.IsEmbedded);

    public async Task SeedAsync()
    {
        foreach (var (username, role, displayName) in Accounts)
        {
            if (await users.FindByUsernameAsync(username) is not null) continue;
            var result = await accounts.CreateAsync(username, Password, $"{username}@subsidy.example", displayName, role,
                enforcePasswordStrength: false);
            if (result.Succeeded) logger.LogInformation("Seeded demo account {Username} ({Role})", username, role);
        }
    }
}
