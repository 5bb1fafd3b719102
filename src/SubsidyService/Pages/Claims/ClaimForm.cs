using SubsidyService.Claims;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// The claim form as posted. Field names are the API's own (<c>idNumber</c>, <c>invoices[0].number</c>,
/// <c>bankAccount.accountNumber</c>), so the service's error keys land under the right inputs unchanged.
/// Everything is a string: the service, not model binding, decides what is wrong.
/// </summary>
public sealed class ClaimForm
{
    public string? ApplicantType { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? DomicileInCounty { get; set; }
    public string? CaseNumber { get; set; }
    public string? Court { get; set; }
    public string? CaseType { get; set; }
    public string? Outcome { get; set; }
    public string? JudgmentEffectiveDate { get; set; }
    public bool ForeignRelated { get; set; }
    public bool MajorImpact { get; set; }
    public string? AgencyFee { get; set; }

    /// <summary>Asked explicitly on the page (no preselected answer): an unanswered form is refused, naming <c>partyRole</c>.</summary>
    public string? PartyRole { get; set; }
    public List<string?> RelatedCaseNumbers { get; set; } = [];
    public List<string?> PatentNumbers { get; set; } = [];
    public List<string?> OpposingParties { get; set; } = [];
    public List<InvoiceRow> Invoices { get; set; } = [];
    public List<FundingRow> OtherFunding { get; set; } = [];
    public BankRow BankAccount { get; set; } = new();
    public int? ExpectedVersion { get; set; }

    public sealed class InvoiceRow
    {
        public string? Number { get; set; }
        public string? Code { get; set; }
        public string? Amount { get; set; }
        public string? IssuedOn { get; set; }
        public bool IsBlank => Blank(Number, Code, Amount, IssuedOn);
    }

    public sealed class FundingRow
    {
        public string? Source { get; set; }
        public string? Level { get; set; }
        public string? Amount { get; set; }
        public string? Reference { get; set; }

        /// <summary><c>litigation_fee</c> (the default) or <c>other</c>; not a field that makes a row filled.</summary>
        public string? Purpose { get; set; }
        public bool IsBlank => Blank(Source, Level, Amount, Reference);
    }

    public sealed class BankRow
    {
        public string? BankName { get; set; }
        public string? AccountName { get; set; }
        public string? AccountNumber { get; set; }
    }

    /// <summary>
    /// Rows left entirely empty are dropped before checking, so that the row numbers of the errors match
    /// the rows shown again.
    /// </summary>
    public void DropBlankRows()
    {
        Invoices = Invoices.Where(i => i is not null && !i.IsBlank).ToList();
        OtherFunding = OtherFunding.Where(f => f is not null && !f.IsBlank).ToList();
        RelatedCaseNumbers = RelatedCaseNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        PatentNumbers = PatentNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        OpposingParties = OpposingParties.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
    }

    public ClaimInput ToInput() => new(
        new ClaimFactsInput(
            ApplicantType, Name, IdNumber,
            DomicileInCounty switch { "true" => true, "false" => false, _ => null },
            CaseNumber, Court, CaseType, Outcome, JudgmentEffectiveDate, ForeignRelated, MajorImpact, AgencyFee,
            Invoices.Select(i => new InvoiceInput(i.Number, i.Amount, i.IssuedOn, string.IsNullOrWhiteSpace(i.Code) ? null : i.Code)).ToList(),
            OtherFunding.Select(f => new OtherFundingInput(f.Source, f.Level, f.Amount, f.Reference,
                string.IsNullOrWhiteSpace(f.Purpose) ? null : f.Purpose)).ToList(),
            PartyRole ?? "", RelatedCaseNumbers, PatentNumbers, OpposingParties),
        // The payee is the applicant: the page locks the field to the name, and the name is what is sent.
        new BankAccountInput(BankAccount.BankName, Name, BankAccount.AccountNumber),
        ExpectedVersion);

    /// <summary>The stored claim as its owner sees it (unmasked), to edit.</summary>
    public static ClaimForm From(ClaimView view)
    {
        var f = view.Facts;
        return new ClaimForm
        {
            ApplicantType = f.ApplicantType, Name = f.Name, IdNumber = f.IdNumber,
            DomicileInCounty = f.DomicileInCounty is { } d ? (d ? "true" : "false") : null,
            CaseNumber = f.CaseNumber, Court = f.Court, CaseType = f.CaseType, Outcome = f.Outcome,
            JudgmentEffectiveDate = f.JudgmentEffectiveDate, ForeignRelated = f.ForeignRelated ?? false, MajorImpact = f.MajorImpact ?? false,
            AgencyFee = f.AgencyFee,
            PartyRole = f.PartyRole,
            RelatedCaseNumbers = (f.RelatedCaseNumbers ?? []).ToList(),
            PatentNumbers = (f.PatentNumbers ?? []).ToList(),
            OpposingParties = (f.OpposingParties ?? []).ToList(),
            Invoices = (f.Invoices ?? []).Select(i => new InvoiceRow { Number = i.Number, Code = i.Code, Amount = i.Amount, IssuedOn = i.IssuedOn }).ToList(),
            OtherFunding = (f.OtherFunding ?? []).Select(o => new FundingRow { Source = o.Source, Level = o.Level, Amount = o.Amount, Reference = o.Reference, Purpose = o.Purpose }).ToList(),
            BankAccount = new BankRow { BankName = view.BankAccount.BankName, AccountName = view.BankAccount.AccountName, AccountNumber = view.BankAccount.AccountNumber },
            ExpectedVersion = view.Version,
        };
    }

    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}
