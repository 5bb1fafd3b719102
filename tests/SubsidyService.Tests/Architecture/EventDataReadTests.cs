using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Architecture;

/// <summary>
/// Event data is read through its typed record (Claims/Triggers/EventData.cs), never by a member's name: a renamed
/// member then fails to compile instead of silently reading nothing. The JSON readers that remain read request
/// bodies, whose members the API contract names.
/// </summary>
public sealed partial class EventDataReadTests
{
    private static readonly HashSet<string> RequestBodyReaders =
    [
        "Budgets/BudgetEndpoints.cs",
        "Claims/ClaimInput.cs",
        "Claims/JsonFields.cs",
        "Claims/TransitionRequest.cs",
    ];

    [Fact]
    public void No_code_reads_json_by_a_members_name_outside_the_request_readers()
    {
        var root = Path.Combine(TestMachine.RepositoryRoot(), "src", "SubsidyService");
        var offenders = Offenders(root).Where(o => !RequestBodyReaders.Contains(o)).ToList();
        offenders.Should().BeEmpty("event data is read through its record (EventData.Read), not by name");
    }

    [Fact]
    public void The_scan_sees_a_read_by_name()
    {
        var dir = Directory.CreateTempSubdirectory("event-reads-");
        File.WriteAllText(Path.Combine(dir.FullName, "Reader.cs"), "var x = data.TryGetProperty(\"noticeEndsOn\", out var p);");
        Offenders(dir.FullName).Should().Equal("Reader.cs");
        dir.Delete(true);
    }

    private static IEnumerable<string> Offenders(string root) =>
        Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => ByName().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order();

    [GeneratedRegex(@"\.TryGetProperty\(|\.GetProperty\(""|\bJsonObject\b|\bJsonNode\b")]
    private static partial Regex ByName();
}
