using FluentAssertions;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Tests.Support;

namespace SubsidyService.Domain.Tests.Claims;

public class ClaimWorkflowDiagramTests
{
    [Fact]
    public void The_diagram_matches_the_golden_file() =>
        GoldenFile.Verify("claim-workflow.mmd", ClaimWorkflow.Instance.ToMermaid());

    [Fact]
    public void The_diagram_is_deterministic_and_has_one_edge_per_transition()
    {
        var text = ClaimWorkflow.Instance.ToMermaid();
        text.Should().Be(ClaimWorkflow.Instance.ToMermaid());
        text.Should().StartWith("stateDiagram-v2\n");
        var edges = text.Split('\n').Count(l => l.Contains(" --> ") && !l.Contains("[*]"));
        edges.Should().Be(ClaimWorkflow.Instance.Machine.Transitions.Count);
    }
}
