using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Pages;

/// <summary>(code, Chinese label) pairs for the policy's enums, in declaration order, for selects and checkboxes.</summary>
public static class EnumOptions
{
    public static IReadOnlyList<(string Code, string Label)> ApplicantTypes { get; } = Of<ApplicantType>(ChineseNames.Of);
    public static IReadOnlyList<(string Code, string Label)> CaseTypes { get; } = Of<CaseType>(ChineseNames.Of);
    public static IReadOnlyList<(string Code, string Label)> Outcomes { get; } = Of<CaseOutcome>(ChineseNames.Of);
    public static IReadOnlyList<(string Code, string Label)> Tiers { get; } = Of<Tier>(ChineseNames.Of);

    public static string Label(IReadOnlyList<(string Code, string Label)> options, string? code) =>
        options.FirstOrDefault(o => o.Code == code).Label ?? code ?? "";

    private static (string, string)[] Of<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (EnumCodes.ToCode(v), label(v))).ToArray();
}
