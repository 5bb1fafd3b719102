using FluentAssertions;
using NetArchTest.Rules;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Tests.Architecture;

/// <summary>
/// Which feature (top-level namespace under SubsidyService) may use which. The table is the rule: it has no
/// cycle, and the compiled service keeps to it, so a reference that would close a cycle fails here. A feature
/// that needs another's data asks it through an interface it owns (Claims' <c>IFundingRegister</c>, answered by
/// Registers; Policy's <c>IClaimsUnderPolicy</c>, answered by Claims).
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly System.Reflection.Assembly Service = typeof(SubsidyService.Kernel.Refusal).Assembly;
    private static readonly System.Reflection.Assembly Domain = typeof(SubsidyService.Domain.Kernel.EnumCodes).Assembly;
    private static readonly System.Reflection.Assembly Renderer = typeof(SubsidyService.Letters.LetterRenderer).Assembly;

    /// <summary>Each namespace and the ones it may use besides itself and the domain; from the bottom up.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        // The shared kernel: who acts, how a refusal is said; the domain's kernel holds codes and formats.
        ["Kernel"] = [],
        // Infrastructure.
        ["Data"] = ["Kernel"],
        ["Jobs"] = ["Kernel", "Data"],
        ["Operations"] = ["Kernel", "Data", "Jobs"],
        // Features.
        ["Accounts"] = ["Kernel", "Data", "Jobs", "Operations"],
        ["Policy"] = ["Kernel", "Operations"],
        ["Audit"] = ["Kernel", "Data", "Jobs", "Operations"],
        ["Budgets"] = ["Kernel", "Data", "Operations", "Accounts"],
        ["Bars"] = ["Kernel", "Operations", "Accounts", "Audit"],
        ["Calendar"] = ["Kernel", "Operations", "Accounts", "Audit"],
        ["Claims"] = ["Kernel", "Data", "Operations", "Accounts", "Policy", "Audit", "Bars"],
        ["Registers"] = ["Kernel", "Data", "Operations", "Audit", "Claims", "Recoveries"],
        ["Letters"] = ["Kernel", "Operations", "Audit", "Claims"],
        ["Approval"] = ["Kernel", "Data", "Jobs", "Operations", "Accounts", "Policy", "Budgets", "Notifications", "Claims", "Letters"],
        ["Payouts"] = ["Kernel", "Jobs", "Operations", "Claims"],
        // Notifications words what the others declare: a claim's event record (Claims' Notification effect), a
        // settled batch (Payouts' IPayoutNotices).
        ["Notifications"] = ["Kernel", "Jobs", "Operations", "Accounts", "Claims", "Payouts"],
        ["Recoveries"] = ["Kernel", "Operations", "Audit", "Claims"],
        ["Objections"] = ["Kernel", "Operations", "Accounts", "Audit", "Claims"],
        // Reports ask each owner for its part of a period's figures.
        ["Reports"] = ["Kernel", "Operations", "Accounts", "Audit", "Budgets", "Claims", "Payouts", "Recoveries"],
        // The outer layer: the command line and the pages use features; nothing uses them.
        ["Cli"] = ["Kernel", "Data", "Accounts"],
        ["Pages"] = ["Kernel", "Data", "Jobs", "Operations", "Accounts", "Policy", "Audit", "Budgets", "Notifications", "Claims",
            "Registers", "Letters", "Approval", "Payouts", "Recoveries", "Bars", "Calendar", "Objections", "Reports"],
    };

    public static TheoryData<string> Features => new(MayUse.Keys);

    [Fact]
    public void Every_namespace_of_the_service_has_its_row()
    {
        var unlisted = Service.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith("SubsidyService.", StringComparison.Ordinal))
            .Select(ns => ns!.Split('.')[1])
            .Distinct()
            .Where(top => !MayUse.ContainsKey(top));
        unlisted.Should().BeEmpty("a new feature says in this table what it may use");
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        Cycle(MayUse).Should().BeNull();
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle()
    {
        var withCycle = MayUse.ToDictionary(e => e.Key, e => e.Value);
        withCycle["Policy"] = [.. withCycle["Policy"], "Claims"];
        Cycle(withCycle).Should().Equal("Claims", "Policy", "Claims");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_uses_only_what_its_row_allows(string feature)
    {
        var forbidden = MayUse.Keys.Where(k => k != feature && !MayUse[feature].Contains(k)).ToArray();
        Offenders(feature, forbidden).Should().BeEmpty($"{feature} may use only {string.Join(", ", MayUse[feature].DefaultIfEmpty("the domain"))}");
    }

    [Fact]
    public void The_check_sees_a_reference()
    {
        // The pages use Claims, so forbidding it must name them: the rule above can fail.
        Offenders("Pages", ["Claims"]).Should().Contain(t => t.StartsWith("SubsidyService.Pages.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_uses_nothing_of_the_service_and_does_no_io()
    {
        var service = MayUse.Keys.Select(k => "SubsidyService." + k)
            .Concat(["Microsoft.AspNetCore", "Npgsql", "Dapper", "System.Net", "System.IO", "Hangfire", "MailKit"]).ToArray();
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(service).GetResult();
        (result.FailingTypeNames ?? []).Should().BeEmpty();
        Domain.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(Service.GetName().Name);
    }

    [Fact]
    public void The_letter_renderer_uses_nothing_of_the_service_and_no_database_or_clock()
    {
        Renderer.Should().NotBeSameAs(Service);
        Renderer.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(Service.GetName().Name)
            .And.NotContain(n => n!.StartsWith("Npgsql", StringComparison.Ordinal) || n.StartsWith("Dapper", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        // The service's own letter code shares the namespace, so the renderer's types are told apart by assembly.
        var service = MayUse.Keys.Where(k => k != "Letters").Select(k => "SubsidyService." + k)
            .Concat(["Npgsql", "Dapper", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.TimeProvider", "Hangfire", "MailKit"]).ToArray();
        var result = Types.InAssembly(Renderer).ShouldNot().HaveDependencyOnAny(service).GetResult();
        (result.FailingTypeNames ?? []).Should().BeEmpty();
    }

    private static IReadOnlyList<string> Offenders(string feature, string[] forbidden)
    {
        if (forbidden.Length == 0) return [];
        var result = Types.InAssembly(Service)
            .That().ResideInNamespaceMatching($@"^SubsidyService\.{feature}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(forbidden.Select(f => "SubsidyService." + f).ToArray())
            .GetResult();
        return result.FailingTypeNames?.ToList() ?? [];
    }

    /// <summary>A path that comes back to where it started, or null.</summary>
    private static IReadOnlyList<string>? Cycle(IReadOnlyDictionary<string, string[]> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0) return [.. path.Skip(at), node];
            if (!done.Add(node)) return null;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                if (Visit(next) is { } found) return found;
            path.RemoveAt(path.Count - 1);
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (Visit(node) is { } cycle) return cycle;
        return null;
    }
}
