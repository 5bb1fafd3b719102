using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Pages;

/// <summary>The claim form's fields as a browser posts them, for a claim that is eligible for 4,000.00.</summary>
public static class ClaimFormFields
{
    /// <summary>A case number and invoice of its own, so that claims of one test class never screen as duplicates.</summary>
    public static Dictionary<string, string> Valid(string? caseNumber = null, string? idNumber = null) => new()
    {
        ["applicantType"] = "natural_person",
        ["name"] = "张明",
        ["idNumber"] = idNumber ?? EstimateFacts.PersonId(),
        ["domicileInCounty"] = "true",
        ["caseNumber"] = caseNumber ?? UniqueCaseNumber(),
        ["court"] = "宁波市中级人民法院",
        ["caseType"] = "patent_infringement",
        ["outcome"] = "won",
        ["partyRole"] = "plaintiff",
        ["judgmentEffectiveDate"] = "2024-05-20",
        ["foreignRelated"] = "false",
        ["majorImpact"] = "false",
        ["agencyFee"] = "8000.00",
        ["invoices[0].number"] = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(),
        ["invoices[0].amount"] = "8000.00",
        ["invoices[0].issuedOn"] = "2024-03-01",
        ["bankAccount.bankName"] = "中国工商银行宁波分行",
        ["bankAccount.accountName"] = "张明",
        ["patentNumbers[0]"] = EstimateFacts.UniquePatent(),
        ["opposingParties[0]"] = "某某电器有限公司",
        ["bankAccount.accountNumber"] = "6222 0212 3456 7890",
    };

    public static string UniqueCaseNumber() => $"（2024）浙02民初{Random.Shared.Next(100_000, 999_999)}号";

    /// <summary>The smallest file that the service's content check takes for a PDF.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
}
