using System.Net;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

/// <summary>POLICY.md "Materials": verify is refused while a kind the policy version requires is not on the claim, naming each.</summary>
public sealed class MaterialsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>A claim with only the given kinds of document, submitted and under review.</summary>
    private async Task<(HttpClient Applicant, HttpClient Verifier, JsonElement Claim)> UnderReviewWithAsync(params string[] kinds)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        foreach (var kind in kinds) await ClaimApi.UploadAsync(applicant, claim.Id(), kind);
        claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.GetAsync(applicant, claim.Id()), "submit");
        return (applicant, verifier, await ClaimApi.MustFireAsync(verifier, claim, "start_review"));
    }

    [Fact]
    public async Task Verify_is_refused_naming_exactly_the_missing_kinds_and_nothing_changes()
    {
        var (_, verifier, claim) = await UnderReviewWithAsync("judgment", "invoice", "effect_proof");

        Strings(claim.GetProperty("requiredDocuments")).Should().Equal(ClaimApi.RequiredKinds);
        Strings(claim.GetProperty("missingDocuments")).Should().Equal("agency_contract", "payment_proof", "id_proof");
        claim.Triggers().Should().NotContain("verify").And.Contain("request_supplement");

        var problem = await (await ClaimApi.FireAsync(verifier, claim, "verify"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "documents_missing");
        Strings(problem.GetProperty("errors").GetProperty("documents")).Should().Equal("agency_contract", "payment_proof", "id_proof");
        problem.GetProperty("detail").GetString().Should().Contain("代理合同").And.Contain("代理费支付凭证").And.Contain("身份证明")
            .And.NotContain("判决书");

        var after = await ClaimApi.GetAsync(verifier, claim.Id());
        after.Status().Should().Be("under_review");
        after.GetProperty("version").GetInt32().Should().Be(claim.GetProperty("version").GetInt32(), "a refused request changes nothing");
    }

    [Fact]
    public async Task Verify_goes_through_once_the_supplement_brings_every_required_kind()
    {
        var (applicant, verifier, claim) = await UnderReviewWithAsync("judgment", "agency_contract", "invoice");
        claim = await ClaimApi.MustFireAsync(verifier, claim, "request_supplement", reason: "请补充付款凭证和身份证明",
            data: new { defects = new[] { "缺少代理费支付凭证（银行转账记录等）", "缺少申请人身份证明或营业执照" } });

        await ClaimApi.UploadAsync(applicant, claim.Id(), "payment_proof");
        var oneShort = await ClaimApi.GetAsync(applicant, claim.Id());
        Strings(oneShort.GetProperty("missingDocuments")).Should().Equal("id_proof");
        await ClaimApi.UploadAsync(applicant, claim.Id(), "id_proof");

        claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.GetAsync(applicant, claim.Id()), "submit");
        claim = await ClaimApi.MustFireAsync(verifier, claim, "start_review");
        claim.GetProperty("missingDocuments").GetArrayLength().Should().Be(0);
        claim.Triggers().Should().Contain("verify");
        (await ClaimApi.MustFireAsync(verifier, claim, "verify")).Status().Should().Be("verified");
    }

    [Fact]
    public async Task A_document_on_another_claim_of_the_same_applicant_does_not_count()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var complete = await ClaimApi.CreateAsync(applicant);
        complete.GetProperty("missingDocuments").GetArrayLength().Should().Be(0);

        var bare = await ClaimApi.CreateAsync(applicant, documents: false);
        bare = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, bare, "submit"), "start_review");
        var problem = await (await ClaimApi.FireAsync(verifier, bare, "verify"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "documents_missing");
        Strings(problem.GetProperty("errors").GetProperty("documents")).Should().Equal(ClaimApi.RequiredKinds);
    }

    [Fact]
    public async Task A_removed_document_no_longer_counts()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant);
        var proof = claim.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "payment_proof");
        (await applicant.DeleteAsync($"/api/v1/claims/{claim.Id()}/documents/{proof.GetProperty("id").GetGuid()}"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        claim = await ClaimApi.GetAsync(applicant, claim.Id());
        Strings(claim.GetProperty("missingDocuments")).Should().Equal("payment_proof");
        claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, claim, "submit"), "start_review");
        var problem = await (await ClaimApi.FireAsync(verifier, claim, "verify"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "documents_missing");
        Strings(problem.GetProperty("errors").GetProperty("documents")).Should().Equal("payment_proof");
    }

    [Fact]
    public async Task The_new_kinds_are_accepted_and_an_unknown_kind_is_refused_naming_the_field()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        await ClaimApi.UploadAsync(applicant, claim.Id(), "payment_proof");
        await ClaimApi.UploadAsync(applicant, claim.Id(), "effect_proof");
        await (await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", DocumentTests.Form("receipt", DocumentTests.Pdf, "a.pdf")))
            .ShouldBeValidationProblemNamingAsync("kind");

        var kinds = (await ClaimApi.GetAsync(applicant, claim.Id())).GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("kind").GetString()).ToList();
        kinds.Should().BeEquivalentTo(["payment_proof", "effect_proof"]);
    }
}
