using FluentAssertions;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Tests.Support;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Tests.Claims;

public class ClaimWorkflowDiagramTests
{
    [Fact]
    public void The_diagram_matches_the_golden_file() =>
        GoldenFile.Verify("claim-workflow.mmd", ClaimWorkflow.Instance.ToMermaid());

    /// <summary>Reads the committed file, not the generator, so a configuration the file does not show fails here too.</summary>
    [Fact]
    public void The_committed_diagram_has_one_edge_per_configured_transition_with_its_roles()
    {
        var committed = GoldenFile.Read("claim-workflow.mmd");
        committed.Should().StartWith("stateDiagram-v2\n");
        var edges = committed.Split('\n').Where(l => l.Contains(" --> ") && !l.Contains("[*]")).ToList();
        var configured = ClaimWorkflow.Instance.Machine.Transitions;
        edges.Should().HaveCount(configured.Count);
        foreach (var t in configured)
        {
            var start = $"    {EnumCodes.ToCode(t.Source)} --> {EnumCodes.ToCode(t.Target)} : {EnumCodes.ToCode(t.Trigger)} [{t.Roles}]";
            var conditions = string.Concat(t.Conditions.Select(c => $" [{c.Description}]"));
            edges.Should().Contain(start + conditions);
        }
    }

    [Fact]
    public void Every_status_is_labelled_in_chinese()
    {
        var text = ClaimWorkflow.Instance.ToMermaid();
        foreach (var status in Enum.GetValues<ClaimStatus>())
            text.Should().Contain($"\n    {EnumCodes.ToCode(status)} : {ClaimNames.Of(status)}\n");
        text.Should().Contain("\n    [*] --> draft\n");
    }
}
