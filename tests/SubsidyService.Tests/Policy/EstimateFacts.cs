using System.Net.Http.Json;
using System.Text.Json;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Tests.Policy;

/// <summary>Claim facts as JSON the API accepts, built as a dictionary so a test can break one field.</summary>
public static class EstimateFacts
{
    /// <summary>A natural person's resident ID number with a correct check character.</summary>
    public static string PersonId(string first17 = "33010219800101123") => first17 + ResidentIdNumber.CheckCharacter(first17);

    /// <summary>An enterprise's unified social credit code with a correct check character.</summary>
    public static string CompanyCode(string first17 = "91330102MA2B3C4D5") => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    /// <summary>A patent number of 12 random digits with its check character, so that claims of one test are not one dispute.</summary>
    public static string UniquePatent()
    {
        var digits = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "ZL" + digits + "." + PatentNumber.CheckCharacter(digits);
    }

    /// <summary>A domiciled natural person who won a patent case, fee and invoice 8000.00: the first worked example.</summary>
    public static Dictionary<string, object?> Valid(string applicantType = "natural_person", string fee = "8000.00", string? invoice = "8000.00") => new()
    {
        ["applicantType"] = applicantType,
        ["name"] = applicantType == "natural_person" ? "张明" : "某某科技有限公司",
        ["idNumber"] = applicantType == "natural_person" ? PersonId() : CompanyCode(),
        ["domicileInCounty"] = true,
        ["caseNumber"] = "（2024）浙02民初123号",
        ["court"] = "宁波市中级人民法院",
        ["caseType"] = "patent_infringement",
        ["outcome"] = "won",
        ["judgmentEffectiveDate"] = "2024-05-20",
        ["foreignRelated"] = false,
        ["majorImpact"] = false,
        ["agencyFee"] = fee,
        ["invoices"] = invoice is null ? new List<object>() : new List<object> { Invoice(amount: invoice) },
        ["otherFunding"] = new List<object>(),
        ["patentNumbers"] = new List<object> { UniquePatent() },
        ["opposingParties"] = new List<object> { "某某电器有限公司" },
    };

    public static Dictionary<string, object?> Invoice(string number = "24332000000012345678", string amount = "8000.00", string? issuedOn = "2024-03-01") =>
        new() { ["number"] = number, ["amount"] = amount, ["issuedOn"] = issuedOn };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object facts) =>
        client.PostAsJsonAsync("/api/v1/estimate", facts);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
