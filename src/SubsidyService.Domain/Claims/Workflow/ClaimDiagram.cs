using System.Text;
using System.Text.RegularExpressions;
using SubsidyService.Domain.Policy;
using Stateless.Graph;
using Stateless.Reflection;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// Stateless's Mermaid text of the claim machine, made readable for the project: statuses and triggers by their
/// API codes, each status labelled with its Chinese name, and the end states marked. The transitions, their
/// order and their guard labels ([roles] [conditions]) are Stateless's own.
/// </summary>
public static partial class ClaimDiagram
{
    public static string Format(StateMachineInfo info)
    {
        var raw = MermaidGraph.Format(info).ReplaceLineEndings("\n").Split('\n');
        if (raw[0] != "stateDiagram-v2")
            throw new InvalidOperationException($"Stateless's Mermaid text no longer starts as expected: {raw[0]}");

        var sb = new StringBuilder("stateDiagram-v2\n");
        foreach (var status in Enum.GetValues<ClaimStatus>())
            sb.Append("    ").Append(EnumCodes.ToCode(status)).Append(" : ").Append(ClaimNames.Of(status)).Append('\n');

        var leaving = new HashSet<string>();
        foreach (var line in raw.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var m = Edge().Match(line);
            if (!m.Success)
                throw new InvalidOperationException($"Unexpected line in Stateless's Mermaid text: {line}");
            var (from, to) = (Node(m.Groups["from"].Value), Node(m.Groups["to"].Value));
            if (from != to)
                leaving.Add(from);
            sb.Append("    ").Append(from).Append(" --> ").Append(to);
            if (m.Groups["trigger"].Success)
                sb.Append(" : ").Append(EnumCodes.ToCode(Enum.Parse<ClaimTrigger>(m.Groups["trigger"].Value))).Append(m.Groups["rest"].Value);
            sb.Append('\n');
        }

        // Stateless does not mark where a claim's way ends: the statuses nothing leads out of.
        foreach (var code in Enum.GetValues<ClaimStatus>().Select(EnumCodes.ToCode).Where(c => !leaving.Contains(c)))
            sb.Append("    ").Append(code).Append(" --> [*]\n");
        return sb.ToString();
    }

    private static string Node(string name) => name == "[*]" ? name : EnumCodes.ToCode(Enum.Parse<ClaimStatus>(name));

    [GeneratedRegex(@"^(?<from>\[\*\]|\w+) --> (?<to>\w+)(?: : (?<trigger>\w+)(?<rest>.*))?$")]
    private static partial Regex Edge();
}
