using SubsidyService.Claims;

namespace SubsidyService.Pages.Verifier.Claims;

/// <summary>What the verifier's action panels post; kept to show again in the panel that was refused.</summary>
public sealed class ActionInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
    public string? ReasonCode { get; set; }
    public List<string> Defects { get; set; } = [];
    public string? OtherDefect { get; set; }
    public string? Code { get; set; }
    public string? Decision { get; set; }
    public bool MajorImpact { get; set; }
    public bool ForeignRelated { get; set; }
    public string? FeeBase { get; set; }
    public string? DesignationBasis { get; set; }

    /// <summary>The patents and the opponents a claim stored before those fields lacks, one per line.</summary>
    public string? PatentNumbers { get; set; }
    public string? OpposingParties { get; set; }

    /// <summary>The ticked checklist items and the free-text one, as <c>data.defects</c> of request_supplement.</summary>
    public List<string> AllDefects() =>
        Defects.Concat([OtherDefect]).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()).ToList();

    /// <summary><c>data</c> of add_dispute_details: one patent or opponent per line (a comma or 、 separates too).</summary>
    public DisputeDetailsData DisputeDetailsData() => new(Lines(PatentNumbers), Lines(OpposingParties));

    private static List<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary><c>data</c> of verify: the designations as ticked, the fee base only when the verifier lowered it.</summary>
    public VerifyData VerifyData() => new(MajorImpact, ForeignRelated, string.IsNullOrWhiteSpace(FeeBase) ? null : FeeBase.Trim(),
        string.IsNullOrWhiteSpace(DesignationBasis) ? null : DesignationBasis.Trim());
}
