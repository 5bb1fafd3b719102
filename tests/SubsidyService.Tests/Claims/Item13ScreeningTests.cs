using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// Issue 11: a draft blocks nobody, and item 13 as written: one dispute across instances, invoice codes,
/// the same invoice twice, the claimant's party role; facts stored before these fields still load.
/// </summary>
public sealed class Item13ScreeningTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    private static string FirstInstance(int n) => $"（2023）浙02民初{n}号";
    private static string Appeal(int n) => $"（2024）浙民终{n}号";
    private static int Next() => Interlocked.Increment(ref _sequence);

    private static Dictionary<string, object?> OldInvoice(string number, string code, string amount = "8000.00") =>
        new() { ["number"] = number, ["code"] = code, ["amount"] = amount, ["issuedOn"] = "2024-03-01" };

    private static List<string> FlagCodes(System.Text.Json.JsonElement claim) =>
        claim.GetProperty("screening").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task A_draft_blocks_nobody_neither_by_its_case_nor_by_its_invoice()
    {
        var (squatter, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(squatter);
        var facts = draft.GetProperty("facts");
        var invoice = facts.GetProperty("invoices")[0].GetProperty("number").GetString()!;

        var claim = await ClaimApi.CreateAsync(owner, b =>
        {
            b["caseNumber"] = facts.GetProperty("caseNumber").GetString();
            b["invoices"] = new List<object> { EstimateFacts.Invoice(number: invoice) };
            b["idNumber"] = EstimateFacts.CompanyCode();
            b["applicantType"] = "enterprise";
        });
        var submitted = await ClaimApi.MustFireAsync(owner, claim, "submit");

        submitted.Status().Should().Be("submitted");
        FlagCodes(submitted).Should().BeEmpty("a draft is not a live claim");
        FlagCodes(await ClaimApi.GetAsync(squatter, draft.Id())).Should().BeEmpty();
        await (await ClaimApi.FireAsync(squatter, draft, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_reused");
    }

    [Fact]
    public async Task A_draft_of_the_same_applicant_does_not_refuse_the_claim_submitted_first()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(applicant);
        var second = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = draft.GetProperty("facts").GetProperty("caseNumber").GetString());
        (await ClaimApi.MustFireAsync(applicant, second, "submit")).Status().Should().Be("submitted");
        await (await ClaimApi.FireAsync(applicant, draft, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_claim");
    }

    [Fact]
    public async Task An_appeal_claimed_after_its_first_instance_is_the_same_case_for_every_number()
    {
        var n = Next();
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (coPlaintiff, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = FirstInstance(n)), "submit");

        var again = await ClaimApi.CreateAsync(applicant, b =>
        {
            b["caseNumber"] = Appeal(n);
            b["relatedCaseNumbers"] = new[] { $"〔2023〕浙 02 民初 {n} 号" };
        });
        again.GetProperty("facts").GetProperty("relatedCaseNumbers").EnumerateArray().Select(x => x.GetString()).Should().Equal($"〔2023〕浙 02 民初 {n} 号");
        await (await ClaimApi.FireAsync(applicant, again, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_claim");

        var other = await ClaimApi.CreateAsync(coPlaintiff, b =>
        {
            b["caseNumber"] = Appeal(n);
            b["relatedCaseNumbers"] = new[] { FirstInstance(n) };
            b["idNumber"] = EstimateFacts.PersonId("33010219900101123");
        });
        FlagCodes(await ClaimApi.MustFireAsync(coPlaintiff, other, "submit")).Should().Equal("shared_case");
    }

    [Fact]
    public async Task A_claim_naming_an_earlier_instance_is_found_by_a_later_claim_for_that_instance()
    {
        var n = Next();
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b =>
        {
            b["caseNumber"] = Appeal(n);
            b["relatedCaseNumbers"] = new[] { FirstInstance(n) };
        }), "submit");

        var first = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = $"(2023)浙02民初{n}号");
        await (await ClaimApi.FireAsync(applicant, first, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_claim");
    }

    [Fact]
    public async Task A_register_row_for_another_instance_matches_at_submission_and_on_import()
    {
        var n = Next();
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var early = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b =>
        {
            b["caseNumber"] = Appeal(n);
            b["relatedCaseNumbers"] = new[] { FirstInstance(n) };
        }), "submit");

        var csv = new StringContent("source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n" +
            $"省知识产权局,省级,张明,,(2023)浙02民初{n}号,3000.00,2024-08-01,维权援助\n", Encoding.UTF8, "text/csv");
        var imported = await ClaimApi.JsonAsync(await verifier.PostAsync("/api/v1/registers/external-funding", csv));
        imported.GetProperty("matchedClaims").GetInt32().Should().Be(1, imported.ToString());
        FlagCodes(await ClaimApi.GetAsync(verifier, early.Id())).Should().Equal("external_funding_match");

        // A co-plaintiff from an account of their own: one account's second claim for the case would be a duplicate.
        var (coPlaintiff, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var late = await ClaimApi.CreateAsync(coPlaintiff, b =>
        {
            b["caseNumber"] = $"（2025）最高法民再{n}号";
            b["relatedCaseNumbers"] = new[] { FirstInstance(n) };
            b["idNumber"] = EstimateFacts.PersonId("33010219900101123");
        });
        FlagCodes(await ClaimApi.MustFireAsync(coPlaintiff, late, "submit")).Should().BeEquivalentTo("external_funding_match", "shared_case");
    }

    [Fact]
    public async Task An_old_invoice_is_its_code_and_number_and_a_number_under_another_code_is_another_invoice()
    {
        var (alice, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (bob, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var number = $"{Next() % 100_000_000:D8}";
        await ClaimApi.MustFireAsync(alice, await ClaimApi.CreateAsync(alice, b => b["invoices"] = new List<object> { OldInvoice(number, "3302231130") }), "submit");

        var otherCode = await ClaimApi.CreateAsync(bob, b => b["invoices"] = new List<object> { OldInvoice(number, "3302231131") });
        (await ClaimApi.MustFireAsync(bob, otherCode, "submit")).Status().Should().Be("submitted");

        var sameCode = await ClaimApi.CreateAsync(bob, b => b["invoices"] = new List<object> { OldInvoice(number, " 3302231130 ") });
        var problem = await (await ClaimApi.FireAsync(bob, sameCode, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_reused");
        problem.GetProperty("detail").GetString().Should().Contain($"代码 3302231130 号码 {number}");
    }

    [Fact]
    public async Task Invoice_input_of_item_13_is_refused_naming_the_field()
    {
        var (applicant, user) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var digital = EstimateFacts.Invoice(number: "24332000000012345678", amount: "4000.00");

        await (await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["invoices"] = new List<object> { digital, digital })))
            .ShouldBeValidationProblemNamingAsync("invoices[1].number");
        await (await EstimateFacts.PostAsync(fixture.App.CreateClient(), EstimateFacts.Valid().Also(b => b["invoices"] = new List<object> { digital, digital })))
            .ShouldBeValidationProblemNamingAsync("invoices[1].number");
        await (await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["invoices"] = new List<object> { EstimateFacts.Invoice(number: "12345678") })))
            .ShouldBeValidationProblemNamingAsync("invoices[0].code");
        await (await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["invoices"] = new List<object> { OldInvoice("12345678", "123") })))
            .ShouldBeValidationProblemNamingAsync("invoices[0].code");
        await (await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["partyRole"] = "judge")))
            .ShouldBeValidationProblemNamingAsync("partyRole");
        await (await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["relatedCaseNumbers"] = new[] { (string)b["caseNumber"]! })))
            .ShouldBeValidationProblemNamingAsync("relatedCaseNumbers[0]");

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE applicant_id = @Id", new { user.Id }))
            .Should().Be(0, "a refused request writes nothing");
    }

    [Fact]
    public async Task A_defendant_is_not_the_rights_holder_and_a_plaintiff_is_the_default()
    {
        var client = fixture.App.CreateClient();
        var defendant = await EstimateFacts.JsonAsync(await EstimateFacts.PostAsync(client, EstimateFacts.Valid().Also(b => b["partyRole"] = "defendant")));
        defendant.GetProperty("eligible").GetBoolean().Should().BeFalse();
        defendant.GetProperty("amount").GetString().Should().Be("0.00");
        defendant.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().Equal("not_rights_holder");

        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        claim.GetProperty("facts").GetProperty("partyRole").GetString().Should().Be("plaintiff");
        claim.GetProperty("estimate").GetProperty("eligible").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Facts_stored_before_these_fields_existed_still_load_and_submit()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
        {
            // As 0006 left them: no partyRole, no relatedCaseNumbers, an 8-digit invoice without its code.
            await conn.ExecuteAsync("""
                UPDATE claims SET facts = (facts - 'partyRole' - 'relatedCaseNumbers')
                    || jsonb_build_object('invoices', jsonb_build_array(jsonb_build_object('number', '87654321', 'amount', '8000.00', 'issuedOn', '2024-03-01')))
                WHERE id = @id;
                UPDATE claim_invoices SET number_digits = '87654321', invoice_key = '87654321', code = NULL WHERE claim_id = @id;
                """, new { id = claim.Id() });
        }

        var loaded = await ClaimApi.GetAsync(applicant, claim.Id());
        var facts = loaded.GetProperty("facts");
        facts.GetProperty("partyRole").GetString().Should().Be("plaintiff");
        facts.GetProperty("relatedCaseNumbers").GetArrayLength().Should().Be(0);
        facts.GetProperty("invoices")[0].GetProperty("code").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        loaded.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("4000.00");
        (await ClaimApi.MustFireAsync(applicant, loaded, "submit")).Status().Should().Be("submitted");
    }
}

internal static class DictionaryExtensions
{
    public static Dictionary<string, object?> Also(this Dictionary<string, object?> body, Action<Dictionary<string, object?>> change)
    {
        change(body);
        return body;
    }
}
