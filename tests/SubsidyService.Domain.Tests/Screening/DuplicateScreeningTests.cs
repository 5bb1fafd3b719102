using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

public class DuplicateScreeningTests
{
    private const string Case = "(2023)浙02民初123号";
    private const string OtherCase = "(2023)浙02民初999号";
    private const string Me = "11010519491231002X";
    private const string Someone = "91350100M000100Y43";

    private static readonly Guid Candidate = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimA = Guid.Parse("a0000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimB = Guid.Parse("b0000000-0000-0000-0000-000000000000");
    private static readonly Guid RowR = Guid.Parse("c0000000-0000-0000-0000-000000000000");

    /// <summary>Another account than the candidate's (whose account is Guid.Empty).</summary>
    private static readonly Guid Stranger = Guid.Parse("d0000000-0000-0000-0000-000000000000");

    private static ScreeningCandidate Cand(string id = Me, string caseNumber = Case, params string[] invoices) =>
        new(Candidate, id, caseNumber, invoices.Length == 0 ? ["11112222"] : invoices);

    private static IReadOnlyList<ScreeningFinding> Screen(ScreeningCandidate c, LiveClaimRow[]? live = null, FundingRegisterRow[]? register = null) =>
        DuplicateScreening.Screen(c, live ?? [], register ?? []);

    [Fact]
    public void Nothing_in_common_finds_nothing()
    {
        Screen(Cand(), [new LiveClaimRow(ClaimA, Someone, OtherCase, ["99998888"]) { AccountId = Stranger }],
            [new FundingRegisterRow(RowR, "省知识产权局", "省级", "某公司", OtherCase, 1000m)]).Should().BeEmpty();
    }

    [Fact]
    public void The_same_applicant_and_case_is_a_refused_duplicate_whatever_the_case_of_x()
    {
        var f = Screen(Cand(), [new LiveClaimRow(ClaimA, Me.ToLowerInvariant(), "（2023）浙０２民初123号", ["99998888"])]).Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.DuplicateClaim);
        f.RefusesSubmission.Should().BeTrue();
        f.MatchedClaimId.Should().Be(ClaimA);
        f.Detail.Should().NotContain(ClaimA.ToString(), "a refusal never names another claim");
    }

    [Fact]
    public void Another_applicant_on_the_same_case_is_only_flagged()
    {
        var f = Screen(Cand(), [new LiveClaimRow(ClaimA, Someone, Case, ["99998888"]) { AccountId = Stranger }]).Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.SharedCase);
        f.RefusesSubmission.Should().BeFalse();
    }

    [Fact]
    public void A_reused_invoice_is_refused_and_named()
    {
        var f = Screen(Cand(invoices: ["1111 2222", "33334444"]), [new LiveClaimRow(ClaimA, Someone, OtherCase, ["11112222"]) { AccountId = Stranger }])
            .Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.InvoiceReused);
        f.RefusesSubmission.Should().BeTrue();
        f.Detail.Should().Contain("11112222").And.NotContain(ClaimA.ToString(), "the other claim's id would tell which invoices are claimed where");
    }

    [Fact]
    public void A_register_match_is_flagged_with_the_row()
    {
        var f = Screen(Cand(), register: [new FundingRegisterRow(RowR, "省知识产权局", "省级", "张三", "〔2023〕浙02民初123号", 3000m)])
            .Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.ExternalFundingMatch);
        f.RefusesSubmission.Should().BeFalse();
        f.MatchedRegisterRowId.Should().Be(RowR);
        f.Detail.Should().Contain("3000.00").And.Contain(RowR.ToString());
    }

    [Fact]
    public void The_candidate_itself_is_ignored_and_all_findings_are_reported_in_code_order()
    {
        var findings = Screen(
            Cand(),
            [
                new LiveClaimRow(Candidate, Me, Case, ["11112222"]),
                new LiveClaimRow(ClaimB, Someone, Case, ["11112222"]) { AccountId = Stranger },
                new LiveClaimRow(ClaimA, Me, Case, []),
            ],
            [new FundingRegisterRow(RowR, "市科技局", "市级", "张三", Case, 500m)]);
        findings.Select(f => (f.Code, f.MatchedClaimId)).Should().Equal(
            (ScreeningCode.DuplicateClaim, ClaimA),
            (ScreeningCode.InvoiceReused, ClaimB),
            (ScreeningCode.SharedCase, ClaimB),
            (ScreeningCode.ExternalFundingMatch, (Guid?)null));
    }
}

public class DuplicateScreeningAcrossInstancesTests
{
    private const string FirstInstance = "(2023)浙02民初123号";
    private const string Appeal = "(2024)浙民终45号";
    private const string Me = "11010519491231002X";
    private const string Someone = "91350100M000100Y43";
    private static readonly Guid Stranger = Guid.Parse("d0000000-0000-0000-0000-000000000000");
    private static readonly Guid Candidate = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimA = Guid.Parse("a0000000-0000-0000-0000-000000000000");

    [Theory]
    [InlineData(new[] { Appeal, FirstInstance }, new[] { "（2023）浙02民初123号" })]
    [InlineData(new[] { FirstInstance }, new[] { Appeal, "〔2023〕浙02民初123号" })]
    public void Any_number_of_one_dispute_matches_any_number_of_another_claim(string[] mine, string[] theirs)
    {
        var same = DuplicateScreening.Screen(new ScreeningCandidate(Candidate, Me, mine, ["24332000000012345678"]),
            [new LiveClaimRow(ClaimA, Me, theirs, ["24332000000087654321"])], []);
        same.Should().ContainSingle().Which.Code.Should().Be(ScreeningCode.DuplicateClaim);

        var other = DuplicateScreening.Screen(new ScreeningCandidate(Candidate, Me, mine, ["24332000000012345678"]),
            [new LiveClaimRow(ClaimA, Someone, theirs, ["24332000000087654321"]) { AccountId = Stranger }], []);
        other.Should().ContainSingle().Which.Code.Should().Be(ScreeningCode.SharedCase);
    }

    [Fact]
    public void A_register_row_for_an_earlier_instance_is_a_match()
    {
        var rowId = Guid.NewGuid();
        var f = DuplicateScreening.Screen(new ScreeningCandidate(Candidate, Me, [Appeal, FirstInstance], []), [],
            [new FundingRegisterRow(rowId, "省知识产权局", "省级", "张三", FirstInstance, 3_000m)]).Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.ExternalFundingMatch);
        f.MatchedRegisterRowId.Should().Be(rowId);
    }

    [Fact]
    public void An_old_invoice_is_its_code_and_number_together()
    {
        ScreeningFinding[] Screen(string mine, string theirs) => DuplicateScreening.Screen(
            new ScreeningCandidate(Candidate, Me, FirstInstance, [mine]),
            [new LiveClaimRow(ClaimA, Someone, Appeal, [theirs]) { AccountId = Stranger }], []).ToArray();

        Screen("3300231130-12345678", "3300231131-12345678").Should().BeEmpty("the same number under another code is another invoice");
        var f = Screen("3300231130-12345678", "3300231130-12345678").Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.InvoiceReused);
        f.Detail.Should().Contain("代码 3300231130 号码 12345678");
        Screen("330023113012345678", "3300231130-12345678").Should().BeEmpty("an 18-digit number is not a code and a number");
    }
}
