using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <summary>What identifies the dispute: its case numbers (parsed, or free-form from a foreign court), patents and opponents.</summary>
public static partial class ClaimFactsValidator
{
    /// <summary>A judgment of a court outside mainland China; only a foreign-related case has one.</summary>
    private static bool ForeignCourt(FieldErrors e, bool? foreignCourt, bool? foreignRelated)
    {
        if (foreignCourt != true)
            return false;
        if (foreignRelated != true)
            e.Add("foreignCourt", "境外法院的判决只能在涉外案件中申报：请同时勾选“涉外案件”");
        return true;
    }

    /// <summary>
    /// A mainland number must parse (year, court, case type, serial), or it could not be compared with the same
    /// case typed another way; a foreign court's is free-form. Stored numbers loaded before this rule still load.
    /// </summary>
    private static string? CaseNumberOf(FieldErrors e, string key, string label, string? raw, bool foreignCourt, bool stored)
    {
        var number = e.Text(key, label, raw, MaxCaseNumberLength);
        if (number is null || foreignCourt || stored || CaseNumber.IsMainland(number))
            return number;
        e.Add(key, $"{label}“{number}”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙02民初7781号");
        return null;
    }

    /// <summary>
    /// The patents and opponents a verifier adds to a claim stored before they were asked for: checked as on a claim,
    /// at least one of each, since adding them is what lets screening find another instance of the dispute.
    /// </summary>
    public static ValidationResult<DisputeDetails> Dispute(IReadOnlyList<string?>? patentNumbers, IReadOnlyList<string?>? opposingParties)
    {
        var e = new FieldErrors();
        var patents = PatentNumbers(e, patentNumbers ?? []);
        var parties = OpposingParties(e, opposingParties ?? []);
        if (patents.Count == 0 && (patentNumbers ?? []).Count == 0)
            e.Add("patentNumbers", "须填写涉案专利号（至少 1 个）");
        if (parties.Count == 0 && (opposingParties ?? []).Count == 0)
            e.Add("opposingParties", "须填写对方当事人（被告或被请求人，至少 1 个）");
        return e.Count > 0 ? new(null, e.ToDictionary()) : new(new DisputeDetails(patents, parties), e.ToDictionary());
    }

    /// <summary>Each patent's check character is verified, so that a typo cannot hide the same dispute.</summary>
    private static List<string> PatentNumbers(FieldErrors e, IReadOnlyList<string?> inputs)
    {
        var result = new List<string>();
        if (inputs.Count > MaxPatentNumbers)
        {
            e.Add("patentNumbers", $"专利号不能超过 {MaxPatentNumbers} 个");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"patentNumbers[{i}]";
            var text = e.Text(key, "专利号", inputs[i], 32);
            if (text is null)
                continue;
            if (PatentNumber.Canonical(text) is not { } canonical)
                e.Add(key, $"专利号“{text}”无效：应为 8 或 12 位数字加校验位（如 ZL202010123456.2），且校验位须正确");
            else if (result.Contains(canonical))
                e.Add(key, "专利号重复");
            else
                result.Add(canonical);
        }

        return result;
    }

    private static List<string> OpposingParties(FieldErrors e, IReadOnlyList<string?> inputs)
    {
        var result = new List<string>();
        if (inputs.Count > MaxOpposingParties)
        {
            e.Add("opposingParties", $"对方当事人不能超过 {MaxOpposingParties} 个");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (e.Text($"opposingParties[{i}]", "对方当事人名称", inputs[i], MaxNameLength) is { } name)
                result.Add(name);
        }

        return result;
    }

    /// <summary>The other instances of the dispute; each must differ from the effective case number and from each other.</summary>
    private static List<string> RelatedCaseNumbers(FieldErrors e, string? caseNumber, IReadOnlyList<string?> inputs, bool foreignCourt, bool stored)
    {
        var result = new List<string>();
        if (inputs.Count > MaxRelatedCaseNumbers)
        {
            e.Add("relatedCaseNumbers", $"关联案号不能超过 {MaxRelatedCaseNumbers} 个");
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (caseNumber is not null)
            seen.Add(CaseNumber.Canonical(caseNumber, foreignCourt));
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"relatedCaseNumbers[{i}]";
            // The other instances may have been heard at home although the effective judgment is foreign.
            var number = e.Text(key, "关联案号", inputs[i], MaxCaseNumberLength);
            if (number is null)
                continue;
            if (!foreignCourt && !stored && !CaseNumber.IsMainland(number))
            {
                e.Add(key, $"关联案号“{number}”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙民终112号");
                continue;
            }
            if (!seen.Add(CaseNumber.Canonical(number, foreignCourt)))
            {
                e.Add(key, "关联案号与本案案号或另一关联案号相同");
                continue;
            }

            result.Add(number);
        }

        return result;
    }
}
