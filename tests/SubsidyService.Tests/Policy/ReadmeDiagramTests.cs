using FluentAssertions;
using SubsidyService.Domain.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

public sealed class ReadmeDiagramTests
{
    private const string Heading = "## The claim workflow";

    [Fact]
    public void The_README_diagram_is_the_one_the_workflow_generates()
    {
        var readme = File.ReadAllText(Path.Combine(TestMachine.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf(Heading, StringComparison.Ordinal);
        section.Should().BeGreaterThan(0, "the README has a section on the claim workflow");
        const string open = "```mermaid\n";
        var start = readme.IndexOf(open, section, StringComparison.Ordinal) + open.Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);

        var block = readme[start..end];

        block.Should().Be(ClaimWorkflow.Instance.ToMermaid().TrimEnd('\n'),
            "the README must show the diagram ClaimWorkflow.Instance.ToMermaid() generates; paste it again");
        var golden = File.ReadAllText(Path.Combine(TestMachine.RepositoryRoot(), "tests", "SubsidyService.Domain.Tests", "Golden", "claim-workflow.mmd"));
        block.Should().Be(golden.ReplaceLineEndings("\n").TrimEnd('\n'), "the README and the committed golden file show the same diagram");
    }
}
