using System.Net;
using System.Text;
using FluentAssertions;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Payouts;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Performance;

/// <summary>
/// Issue 23: the round trips of the paths that handle many claims at once, a payout batch's chunks and a register
/// import's rescreen, counted (<see cref="RoundTripCounter"/>) and held to a budget that does not grow with the
/// number of claims or rows they carry: a chunk costs the same whatever its size, an import of a thousand rows that
/// match nothing costs what an import of one does, and only a matched claim adds its own few.
/// </summary>
public sealed class BulkRoundTripTests(PayoutFixture fixture, ITestOutputHelper output) : IClassFixture<PayoutFixture>, IDisposable
{
    private readonly RoundTripCounter counter = new();

    public void Dispose() => counter.Dispose();

    private async Task<int> BatchRoundTripsAsync(PayoutSetup s, int readyClaims)
    {
        var ids = await s.ReadyClaimsAsync(readyClaims);
        var batchId = Guid.NewGuid();
        await fixture.App.Service<PayoutStore>().CreateBatchAsync(batchId, "manual", null, DateTime.UtcNow);
        var commands = await counter.RunAsync(() => fixture.App.Service<PayoutBatchRunner>().RunBatchAsync(batchId, CancellationToken.None));
        output.WriteLine($"batch of {ids.Length} ready claims: {commands.Count} round trip(s)\n  " + string.Join("\n  ", commands));
        (await fixture.App.Service<PayoutStore>().FindAsync(batchId))!.ClaimCount.Should().Be(ids.Length, "the counted run paid every ready claim");
        return commands.Count;
    }

    [Fact]
    public async Task A_payout_chunk_costs_the_same_round_trips_whatever_its_size()
    {
        var s = await PayoutSetup.StartAsync(fixture.App);
        var chunk = int.Parse(PayoutSetup.Settings["Payouts:ChunkSize"]!);
        await BatchRoundTripsAsync(s, 3); // the pool and the policy cache warm

        // ReadyClaimsAsync adds its template claim: these are 1 claim short of one chunk, one full chunk and three chunks.
        // Each size is measured twice and the fewer taken: a competing run (the scheduled payout) or a retried
        // command only ever adds to a count.
        async Task<int> FewestAsync(int ready) => Math.Min(await BatchRoundTripsAsync(s, ready), await BatchRoundTripsAsync(s, ready));
        var few = await FewestAsync(1);
        var oneChunk = await FewestAsync(chunk - 1);
        var threeChunks = await FewestAsync(3 * chunk - 1);

        oneChunk.Should().Be(few, "a chunk of 50 claims sends what a chunk of 2 does");
        var perChunk = (threeChunks - oneChunk) / 2;
        (threeChunks - oneChunk).Should().Be(2 * perChunk, "each further chunk costs the same");
        // The batch's lock, the ready claims locked, the payments, the statuses, the events' chain head and rows, the totals.
        perChunk.Should().BeLessThanOrEqualTo(8);
        // Beginning the run (its scope, the count, the start), one chunk, the empty look that ends the gathering,
        // the file and its totals, and the batch read back.
        oneChunk.Should().BeLessThanOrEqualTo(18);
    }

    private static StringContent RegisterCsv(IEnumerable<string> lines) => new(
        "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n" + string.Join("\n", lines) + "\n",
        Encoding.UTF8, "text/csv");

    private async Task<RoundTripCounter.Counted> ImportAsync(HttpClient verifier, IEnumerable<string> lines, int expectedMatches)
    {
        var counted = await counter.SendAsync(verifier, new HttpRequestMessage(HttpMethod.Post, "/api/v1/registers/external-funding") { Content = RegisterCsv(lines) });
        var body = await counted.Response.Content.ReadAsStringAsync();
        counted.Response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        (await ClaimApi.JsonAsync(counted.Response)).GetProperty("matchedClaims").GetInt32().Should().Be(expectedMatches, body);
        output.WriteLine($"import of {lines.Count()} row(s), {expectedMatches} matched: {counted}");
        return counted;
    }

    private static IEnumerable<string> UnmatchedRows(int count)
    {
        var series = Random.Shared.Next(100, 999);
        return Enumerable.Range(1, count).Select(i => $"国家知识产权局,国家级,企业{i},,(2019)京73民初{series}{i:D5}号,{i}.00,2019-06-30,");
    }

    [Fact]
    public async Task A_register_imports_rescreen_costs_the_same_round_trips_for_one_row_or_a_thousand_and_a_few_per_matched_claim()
    {
        var s = await PayoutSetup.StartAsync(fixture.App);
        var verifier = s.People.Verifier;
        await ImportAsync(verifier, UnmatchedRows(3), 0);

        var one = await ImportAsync(verifier, UnmatchedRows(1), 0);
        var thousand = await ImportAsync(verifier, UnmatchedRows(1000), 0);
        thousand.RoundTrips.Should().Be(one.RoundTrips, "the rows go in one COPY and the rescreen looks their cases up in one query");
        one.RoundTrips.Should().BeLessThanOrEqualTo(10, one.ToString());

        async Task<string> UnderReviewCaseAsync()
        {
            var claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(s.Applicant, await ClaimApi.CreateAsync(s.Applicant), "submit"), "start_review");
            return claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;
        }
        string Row(string caseNumber) => $"省知识产权局,省级,张明,,{caseNumber},3000.00,2024-08-01,维权援助";
        var firstTwo = new[] { await UnderReviewCaseAsync(), await UnderReviewCaseAsync() };
        var twoMatched = await ImportAsync(verifier, firstTwo.Select(Row).Concat(UnmatchedRows(200)), 2);
        var nextFour = new[] { await UnderReviewCaseAsync(), await UnderReviewCaseAsync(), await UnderReviewCaseAsync(), await UnderReviewCaseAsync() };
        var fourMatched = await ImportAsync(verifier, nextFour.Select(Row).Concat(UnmatchedRows(200)), 4);

        var perClaim = (fourMatched.RoundTrips - twoMatched.RoundTrips) / 2;
        (fourMatched.RoundTrips - twoMatched.RoundTrips).Should().Be(2 * perClaim, "each matched claim costs the same");
        // Its flag, the machine's try to send it back (its lock batch), the version and the event when it stays.
        perClaim.Should().BeLessThanOrEqualTo(6, fourMatched.ToString());
    }
}
