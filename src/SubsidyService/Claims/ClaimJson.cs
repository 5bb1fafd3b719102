using System.Text.Json;
using System.Text.Json.Serialization;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>How claim facts and bank accounts are written to and read from the database and request bodies.</summary>
public static class ClaimJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The validated facts written back in the API's shape: money with two decimals, codes in snake_case.</summary>
    public static ClaimFactsInput Normalise(ClaimFacts f) => new(
        EnumCodes.ToCode(f.ApplicantType), f.Name, f.IdNumber, f.DomicileInCounty, f.CaseNumber, f.Court,
        EnumCodes.ToCode(f.CaseType), EnumCodes.ToCode(f.Outcome), Invariant.Date(f.JudgmentEffectiveDate), f.ForeignRelated, f.MajorImpact,
        Invariant.Money(f.AgencyFee),
        f.Invoices.Select(i => new InvoiceInput(i.Number, Invariant.Money(i.Amount), i.IssuedOn is { } d ? Invariant.Date(d) : null, i.Code,
            i.Currency, i.ForeignAmount is { } fa ? Invariant.Money(fa) : null)).ToList(),
        f.OtherFunding.Select(o => new OtherFundingInput(o.Source, o.Level, Invariant.Money(o.Amount), o.Reference, EnumCodes.ToCode(o.Purpose))).ToList(),
        EnumCodes.ToCode(f.PartyRole), f.RelatedCaseNumbers.ToList(), f.PatentNumbers.ToList(), f.OpposingParties.ToList(), f.ForeignCourt);

    /// <summary>
    /// Stored facts as the API shows them. Facts written before <c>partyRole</c>, <c>relatedCaseNumbers</c>,
    /// <c>patentNumbers</c>, <c>opposingParties</c> and <c>foreignCourt</c> existed read as what their absence
    /// means: a plaintiff, no other instances, a dispute not yet identified, a mainland court.
    /// </summary>
    public static ClaimFactsInput WithDefaults(ClaimFactsInput f) => f with
    {
        PartyRole = f.PartyRole ?? EnumCodes.ToCode(PartyRole.Plaintiff),
        RelatedCaseNumbers = f.RelatedCaseNumbers ?? [],
        PatentNumbers = f.PatentNumbers ?? [],
        OpposingParties = f.OpposingParties ?? [],
        ForeignCourt = f.ForeignCourt ?? false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>Binds part of a request body, naming the field a type error is in.</summary>
    /// <param name="prefix">Where the element sits in the body, e.g. "bankAccount."; empty for the root.</param>
    public static Outcome<T> Bind<T>(JsonElement element, string prefix = "")
    {
        var whole = prefix.Length > 0 ? prefix.TrimEnd('.') : "body";
        try
        {
            return element.Deserialize<T>(Options) is { } value ? value : Refusal.Validation(whole, "不能为空");
        }
        catch (JsonException ex)
        {
            var inner = RequestBody.FieldOf(ex.Path);
            return Refusal.Validation(inner == "body" ? whole : prefix + inner, "格式不正确：此处的值无法按要求的类型读取。");
        }
    }
}
