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

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["judgment"] = "判决书",
        ["agency_contract"] = "代理合同",
        ["invoice"] = "代理费发票",
        ["id_proof"] = "身份证明",
        ["other"] = "其他材料",
    };
}
