using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims.Documents;

/// <summary>A stored document without its content.</summary>
public sealed class DocumentRow
{
    public Guid Id { get; init; }
    public Guid ClaimId { get; init; }
    public string Kind { get; init; } = "";
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public int SizeBytes { get; init; }
    public string Sha256 { get; init; } = "";
    public Guid UploadedBy { get; init; }
    public DateTime UploadedAt { get; init; }

    public const string Columns = "id, claim_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    /// <summary>Every kind by its code, with its name on the pages, in the order the upload form lists them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds =
        Enum.GetValues<DocumentKind>().ToDictionary(EnumCodes.ToCode, Materials.NameOf);
}
