using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Reports;

/// <summary>The Chinese names of a breakdown's keys, for the workbook and the page.</summary>
public static class ReportLabels
{
    public static readonly IReadOnlyDictionary<string, string> Dimensions = new Dictionary<string, string>
    {
        ["status"] = "按状态", ["tier"] = "按补助档次", ["caseType"] = "按案件类型", ["applicantType"] = "按申请人类型", ["month"] = "按提交月份",
    };

    public static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>
    {
        ["submittedToVerified"] = "提交→核实", ["verifiedToApproved"] = "核实→批准", ["approvedToPaid"] = "批准→拨付", ["submittedToPaid"] = "提交→拨付（全程）",
    };

    public static string Of(string dimension, string? key) => (dimension, key) switch
    {
        (_, null) => dimension == "tier" ? "无档次（不符合条件）" : "未填写",
        ("status", _) when EnumCodes.TryParse<ClaimStatus>(key, out var s) => ClaimNames.Of(s),
        ("tier", _) when EnumCodes.TryParse<Tier>(key, out var t) => ChineseNames.Of(t),
        ("caseType", _) when EnumCodes.TryParse<CaseType>(key, out var c) => ChineseNames.Of(c),
        ("applicantType", _) when EnumCodes.TryParse<ApplicantType>(key, out var a) => ChineseNames.Of(a),
        _ => key,
    };
}
