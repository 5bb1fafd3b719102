using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>
/// Each finding's exact words and the order of what it lists, and the order of findings of one code: a verifier
/// reads them, and the same input must always give the same page. One case a test.
/// </summary>
public class DuplicateScreeningWordingTests
{
    private const string Case = "(2023)浙02民初123号";
    private const string Appeal = "(2024)浙民终45号";
    private const string OtherCase = "(2023)浙02民初999号";
    private const string Me = "11010519491231002X";
    private const string Someone = "91350100M000100Y43";

    private static readonly Guid Candidate = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimA = Guid.Parse("a0000000-0000-0000-0000-000000000000");
    private static readonly Guid ClaimB = Guid.Parse("b0000000-0000-0000-0000-000000000000");
    private static readonly Guid RowA = Guid.Parse("c1000000-0000-0000-0000-000000000000");
    private static readonly Guid RowB = Guid.Parse("c2000000-0000-0000-0000-000000000000");
    private static readonly Guid Stranger = Guid.Parse("d0000000-0000-0000-0000-000000000000");

    private static ScreeningCandidate Cand(string[] cases, params string[] invoices) => new(Candidate, Me, cases, invoices);

    private static LiveClaimRow Theirs(Guid id, string[] cases, params string[] invoices) =>
        new(id, Someone, cases, invoices) { AccountId = Stranger };

    private static IReadOnlyList<ScreeningFinding> Screen(ScreeningCandidate c, LiveClaimRow[]? live = null, FundingRegisterRow[]? register = null) =>
        DuplicateScreening.Screen(c, live ?? [], register ?? []);

    [Fact]
    public void A_shared_case_is_worded_for_the_verifier() =>
        Screen(Cand([Case], "11112222"), [Theirs(ClaimA, [Case], "99998888")]).Single().Detail
            .Should().Be($"另一申请人已就同一案件 {Case} 提出申请（可能为共同原告），请审核人核实");

    [Fact]
    public void A_duplicate_of_ones_own_is_worded_for_the_applicant() =>
        Screen(Cand([Case], "11112222"), [new LiveClaimRow(ClaimA, Me, [Case], ["99998888"])]).Single().Detail
            .Should().Be($"您已就案件 {Case} 提出过补助申请，同一案件只能申请一次：如需修改，请在原申请中补正");

    [Fact]
    public void An_identity_used_by_another_account_is_worded_for_the_verifier() =>
        Screen(Cand([Case], "11112222"), [new LiveClaimRow(ClaimA, " " + Me.ToLowerInvariant(), [Case], ["99998888"]) { AccountId = Stranger }]).Single()
            .Should().Be(new ScreeningFinding(ScreeningCode.IdentityConflict, false,
                $"另一账户已用同一证件号码就案件 {Case} 提出申请：请审核人核实哪一方的身份证明真实", ClaimA, null));

    [Fact]
    public void Two_shared_cases_are_listed_in_ordinal_order() =>
        Screen(Cand([Case, Appeal], "11112222"), [Theirs(ClaimA, [Appeal, Case], "99998888")]).Single().Detail
            .Should().Be($"另一申请人已就同一案件 {Case}、{Appeal} 提出申请（可能为共同原告），请审核人核实");

    [Fact]
    public void Two_reused_invoices_are_listed_in_ordinal_order_and_described() =>
        Screen(Cand([Case], "3300231130-12345678", "24332000000012345678"), [Theirs(ClaimA, [OtherCase], "24332000000012345678", "3300231130-12345678")])
            .Single().Should().Be(new ScreeningFinding(ScreeningCode.InvoiceReused, true,
                "发票 24332000000012345678、代码 3300231130 号码 12345678 已用于另一份补助申请，同一张发票不能重复使用", ClaimA, null));

    [Fact]
    public void A_register_match_is_worded_with_its_row_level_source_recipient_case_and_amount() =>
        Screen(Cand([Case]), register: [new FundingRegisterRow(RowA, "省知识产权局", "省级", "张三", "〔2023〕浙02民初123号", 3000m)]).Single()
            .Should().Be(new ScreeningFinding(ScreeningCode.ExternalFundingMatch, false,
                $"外部资助名录记录 {RowA}：省级省知识产权局已向“张三”就案件 {Case} 资助 3000.00 元，请审核人确认或排除", null, RowA));

    [Fact]
    public void Shared_cases_of_two_claims_are_reported_in_claim_order() =>
        Screen(Cand([Case], "11112222"), [Theirs(ClaimB, [Case], "99998888"), Theirs(ClaimA, [Case], "99997777")])
            .Select(f => f.MatchedClaimId).Should().Equal(ClaimA, ClaimB);

    [Fact]
    public void Register_matches_are_reported_in_row_order() =>
        Screen(Cand([Case]), register:
            [
                new FundingRegisterRow(RowB, "市科技局", "市级", "张三", Case, 500m),
                new FundingRegisterRow(RowA, "省知识产权局", "省级", "张三", Case, 3000m),
            ])
            .Select(f => f.MatchedRegisterRowId).Should().Equal(RowA, RowB);

    [Fact]
    public void Blank_case_numbers_on_both_sides_are_not_a_shared_case() =>
        Screen(Cand(["", Case], "11112222"), [Theirs(ClaimA, [""], "99998888")]).Should().BeEmpty();

    [Fact]
    public void Invoices_without_digits_on_both_sides_are_not_a_reused_invoice() =>
        Screen(Cand([Case], "无"), [Theirs(ClaimA, [OtherCase], "N/A")]).Should().BeEmpty();

    [Fact]
    public void A_register_row_for_another_case_is_not_a_match() =>
        Screen(Cand([Case]), register: [new FundingRegisterRow(RowA, "省知识产权局", "省级", "张三", OtherCase, 3000m)]).Should().BeEmpty();

    [Fact]
    public void A_missing_candidate_is_refused_by_name()
    {
        var act = () => DuplicateScreening.Screen(null!, [], []);
        act.Should().Throw<ArgumentNullException>().WithParameterName("c");
    }

    [Fact]
    public void Missing_live_claims_are_refused_by_name()
    {
        var act = () => DuplicateScreening.Screen(Cand([Case]), null!, []);
        act.Should().Throw<ArgumentNullException>().WithParameterName("live");
    }

    [Fact]
    public void A_missing_register_is_refused_by_name()
    {
        var act = () => DuplicateScreening.Screen(Cand([Case]), [], null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("register");
    }
}
