using FluentAssertions;
using SubsidyService.Domain.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

/// <summary>docs/architecture.md shows the workflow's diagram as the code generates it.</summary>
public sealed class WorkflowDiagramDocTests
{
    private const string Heading = "## The claim workflow";

    [Fact]
    public void The_documented_diagram_is_the_one_the_workflow_generates()
    {
        var doc = File.ReadAllText(Path.Combine(TestMachine.RepositoryRoot(), "docs", "architecture.md")).ReplaceLineEndings("\n");
        var section = doc.IndexOf(Heading, StringComparison.Ordinal);
        section.Should().BeGreaterThan(0, "docs/architecture.md has a section on the claim workflow");
        const string open = "```mermaid\n";
        var start = doc.IndexOf(open, section, StringComparison.Ordinal) + open.Length;
        var end = doc.IndexOf("\n```", start, StringComparison.Ordinal);

        var block = doc[start..end];

        block.Should().Be(ClaimWorkflow.Instance.ToMermaid().TrimEnd('\n'),
            "docs/architecture.md must show the diagram ClaimWorkflow.Instance.ToMermaid() generates; paste it again");
        var golden = File.ReadAllText(Path.Combine(TestMachine.RepositoryRoot(), "tests", "SubsidyService.Domain.Tests", "Golden", "claim-workflow.mmd"));
        block.Should().Be(golden.ReplaceLineEndings("\n").TrimEnd('\n'), "docs/architecture.md and the committed golden file show the same diagram");
    }
}
