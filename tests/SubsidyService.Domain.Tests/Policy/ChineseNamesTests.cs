using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>The names messages, traces and letters print, one value a case.</summary>
public class ChineseNamesTests
{
    [Theory]
    [InlineData(ApplicantType.NaturalPerson, "自然人")]
    [InlineData(ApplicantType.Enterprise, "企业")]
    [InlineData(ApplicantType.Institution, "事业单位")]
    public void Applicant_types(ApplicantType value, string name) => ChineseNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(CaseType.PatentInfringement, "专利侵权")]
    [InlineData(CaseType.Trademark, "商标")]
    [InlineData(CaseType.Copyright, "著作权")]
    [InlineData(CaseType.TradeSecret, "商业秘密")]
    [InlineData(CaseType.UnfairCompetition, "不正当竞争")]
    [InlineData(CaseType.PlantVariety, "植物新品种")]
    [InlineData(CaseType.OtherIp, "其他知识产权")]
    public void Case_types(CaseType value, string name) => ChineseNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(CaseOutcome.Won, "胜诉")]
    [InlineData(CaseOutcome.PartiallyWon, "部分胜诉")]
    [InlineData(CaseOutcome.Lost, "败诉")]
    [InlineData(CaseOutcome.Settled, "调解或和解")]
    [InlineData(CaseOutcome.Withdrawn, "撤诉")]
    public void Outcomes(CaseOutcome value, string name) => ChineseNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(Tier.NaturalPerson, "自然人档")]
    [InlineData(Tier.LegalPerson, "法人档")]
    [InlineData(Tier.MajorOrForeign, "涉外或重大影响档")]
    public void Tiers(Tier value, string name) => ChineseNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(PartyRole.Plaintiff, "原告/请求人")]
    [InlineData(PartyRole.Defendant, "被告")]
    public void Party_roles(PartyRole value, string name) => ChineseNames.Of(value).Should().Be(name);
}
