using System.Text.RegularExpressions;

namespace SubsidyService.Domain.Kernel;

/// <summary>
/// A value that is none of a fixed list's (a drop-down's, a group of boxes'): the API's message names the codes it
/// accepts, which is what an integrator needs; a page says it in a clerk's or applicant's words
/// (<see cref="ForPeople"/>), because there the list was on the screen and only a tampered post sends anything else.
/// Both are written and read here, so that the one cannot drift from the other.
/// </summary>
public static partial class ChoiceError
{
    /// <summary>"申请人类型“x”不是有效值，应为 natural_person、legal_person 之一" (no closing mark: the caller ends the sentence).</summary>
    public static string Message(string label, string? value, IEnumerable<string> allowed, string? note = null) =>
        $"{label}“{value}”不是有效值，应为 {string.Join("、", allowed)} 之一{note}";

    /// <summary>
    /// A message as a page shows it: a choice error becomes "请从列表中选择申请人类型。", without the value sent or the
    /// codes; any other message is returned as it is.
    /// </summary>
    public static string ForPeople(string message)
    {
        var match = Written().Match(message);
        return match.Success ? $"请从列表中选择{match.Groups["label"].Value}。" : message;
    }

    [GeneratedRegex("^(?<label>[^“”]+)“.*”不是有效值，应为 .* 之一", RegexOptions.Singleline)]
    private static partial Regex Written();
}
