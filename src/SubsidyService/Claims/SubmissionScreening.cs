using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Data;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// POLICY.md's screening at submission: loads the live claims (submitted, not rejected or withdrawn) and
/// register rows that share a case number or an invoice, by index, and lets the domain decide. Refusals
/// roll the submission back; flags are written with it.
/// </summary>
public sealed class SubmissionScreening(EventLog events, IFundingRegister fundingRegister, TimeProvider clock, IConfiguration config, Database db)
{
    /// <summary>The demo county's code: the one the demo's and the tests' ID numbers carry (杭州市上城区).</summary>
    public const string DemoRegionCode = "330102";

    /// <summary>
    /// The county's administrative division codes (<c>Authority:RegionCodes</c>); none: no region check. The demo
    /// (the accounts' seeding mode) has its county's code, so that its claims are not all flagged.
    /// </summary>
    private readonly string[] regionCodes = config.GetSection("Authority:RegionCodes").Get<string[]>() is { Length: > 0 } codes ? codes
        : Accounts.DemoSeeder.ShouldSeed(config, db) ? [DemoRegionCode] : [];

    internal sealed class LiveClaim
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string IdNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string[] CaseNumbers { get; init; } = [];
        public string[] Invoices { get; init; } = [];
        public string[] PatentNumbers { get; init; } = [];
        public string[] OpposingParties { get; init; } = [];
    }

    /// <summary>Flags that the other claim learns of too, so its verifier sees the pair whichever is reviewed first.</summary>
    private static readonly HashSet<ScreeningCode> Mutual = [ScreeningCode.SharedCase, ScreeningCode.IdentityConflict, ScreeningCode.SameDispute];

    /// <summary>The claim's own case numbers (effective instance first) and invoice keys, read in the batch that locks the claim.</summary>
    public sealed class Own(SqlBatch.Pending<List<string>> cases, SqlBatch.Pending<List<string>> invoices)
    {
        public List<string> Cases => cases.Value;
        public List<string> Invoices => invoices.Value;
    }

    public static Own ReadOwn(SqlBatch batch, Guid claimId) => new(
        batch.Read(ScreeningQueries.OwnStatements[0], new { id = claimId }, async grid => (await grid.ReadAsync<string>()).ToList()),
        batch.Read(ScreeningQueries.OwnStatements[1], new { id = claimId }, async grid => (await grid.ReadAsync<string>()).ToList()));

    /// <summary>What screening looks at besides the claim: the bar, the live claims and register rows, read under the locks.</summary>
    internal sealed class Lookups(SqlBatch.Pending<bool> barred, SqlBatch.Pending<List<LiveClaim>> live,
        SqlBatch.Pending<IReadOnlyList<FundingRegisterRow>> register, List<string> cases, List<string> invoices, string[] patents)
    {
        internal bool Barred => barred.Value;
        internal List<LiveClaim> Live => live.Value;
        internal IReadOnlyList<FundingRegisterRow> Register => register.Value;
        internal List<string> Cases { get; } = cases;
        internal List<string> Invoices { get; } = invoices;
        internal string[] Patents { get; } = patents;

        /// <summary>When the lookups were added to their batch: the screening step's time runs from here to its decision.</summary>
        internal long Started { get; init; }
    }

    /// <summary>
    /// Adds to one batch, in this order: the bar on the applicant, the advisory locks on the claim's case numbers and
    /// invoices (two submissions of one case or one invoice wait for each other here, so both cannot pass unseen), then
    /// the live claims and register rows, read once the locks are held.
    /// </summary>
    internal Lookups AddLookups(SqlBatch batch, ClaimRow claim, Own own)
    {
        var started = clock.GetTimestamp();
        var cases = own.Cases.ToList();
        if (cases.Count == 0) cases.Add(claim.CanonicalCaseNumber);
        var invoices = own.Invoices;
        var barred = Bars.BarCheck.Stands(batch, claim.IdNumber, clock.Today());
        var keys = invoices.Select(AdvisoryLocks.Invoice).Concat(cases.Select(AdvisoryLocks.Case)).ToArray();
        batch.Select(ScreeningQueries.Lock, new { keys });
        var facts = ClaimJson.Deserialize<ClaimFactsInput>(claim.Facts);
        var patents = (facts.PatentNumbers ?? []).OfType<string>().ToArray();
        var live = batch.Read(ScreeningQueries.Live, new { id = claim.Id, cases = cases.ToArray(), invoices = invoices.ToArray(), patents },
            async grid => (await grid.ReadAsync<LiveClaim>()).ToList());
        var register = fundingRegister.RowsForCases(batch, cases.ToArray());
        return new Lookups(barred, live, register, cases, invoices, patents) { Started = started };
    }

    /// <summary>
    /// Decides on what <see cref="AddLookups"/> read: a refusal, or the findings, whose flags go to <paramref name="writes"/>.
    /// A flag the other claim learns of too is written at once (its row, its version and its event), after the writes so far.
    /// </summary>
    /// <param name="only">
    /// The findings wanted, when the claim was screened at submission already and one fact has since been added: then
    /// nothing refuses, and the rest was decided before.
    /// </param>
    internal async Task<Outcome<IReadOnlyList<ScreeningFinding>>> ScreenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SqlBatch writes,
        ClaimRow claim, Actor actor, Lookups found, ScreeningCode? only = null)
    {
        if (found.Barred && only is null) return Bars.BarCheck.Refusal;
        var live = found.Live;
        var facts = ClaimJson.Deserialize<ClaimFactsInput>(claim.Facts);
        var candidate = new ScreeningCandidate(claim.Id, claim.IdNumber, found.Cases, found.Invoices)
        {
            AccountId = claim.ApplicantId, PatentNumbers = found.Patents, OpposingParties = (facts.OpposingParties ?? []).OfType<string>().ToList(),
        };
        var findings = DuplicateScreening.Screen(candidate,
            live.Select(l => new LiveClaimRow(l.Id, l.IdNumber, l.CaseNumbers, l.Invoices)
            {
                AccountId = l.AccountId, PatentNumbers = l.PatentNumbers, OpposingParties = l.OpposingParties,
            }),
            found.Register).ToList();
        if (DomicileScreening.Screen(claim.IdNumber, claim.ApplicantType != EnumCodes.ToCode(ApplicantType.NaturalPerson), regionCodes) is { } region)
            findings.Add(region);
        if (only is { } wanted) findings.RemoveAll(f => f.Code != wanted);

        var refusing = findings.Where(f => f.RefusesSubmission).ToList();
        if (refusing.Count > 0)
            return new Refusal(409, EnumCodes.ToCode(refusing[0].Code), refusing[0].Code == ScreeningCode.DuplicateClaim ? "重复申请" : "发票已被使用",
                string.Join("；", refusing.Select(f => f.Detail)));

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            ClaimStore.RaiseFlag(writes, claim.Id, EnumCodes.ToCode(f.Code), f.Detail, f.MatchedClaimId, f.MatchedRegisterRowId, now, i);
            if (Mutual.Contains(f.Code) && live.FirstOrDefault(l => l.Id == f.MatchedClaimId) is { } other)
            {
                await writes.RunAsync(conn, tx);
                await FlagTheOtherClaimAsync(conn, tx, claim, f, other, actor, now);
            }
        }
        return findings;
    }

    /// <summary>
    /// The claim already on file learns of the new one too (co-plaintiffs, a conflicting identity, another
    /// instance of the dispute), so its verifier sees the pair whichever of them is reviewed first. The finding's
    /// text names no claim, so it reads true from either side.
    /// </summary>
    private async Task FlagTheOtherClaimAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow claim, ScreeningFinding finding,
        LiveClaim other, Actor actor, DateTime now)
    {
        if (!EnumCodes.TryParse<ClaimStatus>(other.Status, out var status) ||
            status is not (ClaimStatus.Submitted or ClaimStatus.UnderReview or ClaimStatus.SupplementRequested))
            return;
        var code = EnumCodes.ToCode(finding.Code);
        if (!await ClaimStore.RaiseFlagAsync(conn, tx, other.Id, code, finding.Detail, claim.Id, null, now)) return;
        await ClaimStore.BumpVersionAsync(conn, tx, other.Id, now);
        await events.AppendAsync(conn, tx, new NewEvent(other.Id, actor.Id, actor.Label, "screening_flag", other.Status, other.Status,
            Data: new { code, matchedClaimId = claim.Id }));
    }
}
