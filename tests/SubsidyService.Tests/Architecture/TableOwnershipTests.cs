using System.Text.RegularExpressions;
using FluentAssertions;

namespace SubsidyService.Tests.Architecture;

/// <summary>
/// A feature folder owns its tables: only its own code runs SQL on them, and another feature asks it. The
/// compiled references cannot show SQL, so this reads the sources.
/// </summary>
public sealed partial class TableOwnershipTests
{
    private static readonly IReadOnlyDictionary<string, string> Owner = new Dictionary<string, string>
    {
        ["users"] = "Accounts",
        ["user_sessions"] = "Accounts",
        ["login_throttles"] = "Accounts",
        ["policy_versions"] = "Policy",
        ["claims"] = "Claims",
        ["claim_case_numbers"] = "Claims",
        ["claim_status_counts"] = "Claims",
        ["claim_invoices"] = "Claims",
        ["claim_documents"] = "Claims",
        ["upload_budget"] = "Claims",
        ["screening_flags"] = "Claims",
        ["claim_ratings"] = "Claims",
        ["application_number_sequences"] = "Claims",
        ["supplement_reminders"] = "Notifications",
        ["claim_events"] = "Audit",
        ["audit_checkpoints"] = "Audit",
        ["audit_checkpoint_events"] = "Audit",
        ["funding_register_imports"] = "Registers",
        ["funding_register_rows"] = "Registers",
        ["budgets"] = "Budgets",
        ["budget_entries"] = "Budgets",
        ["letters"] = "Letters",
        ["letter_sequences"] = "Letters",
        ["outbox_messages"] = "Notifications",
        ["outbox_attachments"] = "Notifications",
        ["inbox_messages"] = "Notifications",
        ["payout_batches"] = "Payouts",
        ["payments"] = "Payouts",
        ["bank_result_imports"] = "Payouts",
        ["payout_pause"] = "Payouts",
        ["recoveries"] = "Recoveries",
        ["bars"] = "Bars",
        ["objections"] = "Objections",
        ["calendar_years"] = "Calendar",
        ["calendar_days"] = "Calendar",
        ["idempotency_requests"] = "Operations",
        ["data_protection_keys"] = "Data",
    };

    /// <summary>Reads across an owner's line that are still there, file by file; none may be added.</summary>
    private static readonly HashSet<string> Known =
    [
        // A claim's history and its actors' names in the claim's one-round-trip load.
        "Claims/ClaimReader.cs: claim_events",
        "Claims/ClaimReader.cs: users",
        // A staff view's earlier claims, each with its last change of status, in the same round trip.
        "Claims/PriorClaims.cs: claim_events",
        // A payout chunk copies each claim's payee and amount in one INSERT … SELECT.
        "Payouts/PaymentStatements.cs: claims",
        // Which claims a batch takes (ready, no open flag), locked with SKIP LOCKED in the chunk's transaction: the
        // batch's own question, read-only; the claims move only through Claims' BulkTransitions.
        "Payouts/PayoutCandidates.cs: claims",
        "Payouts/PayoutCandidates.cs: screening_flags",
    ];

    [Fact]
    public void Only_a_tables_owner_runs_sql_on_it()
    {
        var crossings = Crossings(Path.Combine(RepositoryRoot(), "src", "SubsidyService"));
        crossings.Except(Known).Should().BeEmpty("a feature asks the owner of a table rather than running SQL on it");
        Known.Except(crossings).Should().BeEmpty("a crossing that is gone leaves the list");
    }

    [Fact]
    public void Every_table_the_migrations_create_has_an_owner()
    {
        var migrations = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "SubsidyService", "Data", "Migrations"), "*.sql");
        var tables = migrations.SelectMany(f => CreateTable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .Where(t => t != "schema_migrations").Distinct();
        tables.Where(t => !Owner.ContainsKey(t)).Should().BeEmpty();
    }

    [Fact]
    public void The_scan_sees_sql_on_another_features_table()
    {
        var dir = Directory.CreateTempSubdirectory("ownership-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "Policy"));
            File.WriteAllText(Path.Combine(dir.FullName, "Policy", "Sneaky.cs"), "const string Sql = \"SELECT max(amount) FROM claims WHERE x\";");
            Crossings(dir.FullName).Should().Equal("Policy/Sneaky.cs: claims");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<string> Crossings(string sourceRoot)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceRoot, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            var feature = relative.Split('/')[0];
            var text = File.ReadAllText(file);
            foreach (var (table, owner) in Owner)
            {
                if (owner == feature) continue;
                if (Regex.IsMatch(text, $@"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+{table}\b", RegexOptions.IgnoreCase))
                    found.Add($"{relative}: {table}");
            }
        }
        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SubsidyService.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SubsidyService.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
