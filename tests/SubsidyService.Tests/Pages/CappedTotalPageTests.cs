using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>
/// A staff search narrowed by more than the status is counted only up to 10,000: past that the pages say
/// "10,000+" and keep a next page; a list filtered by status alone shows its exact total from the counts;
/// the API's total stays exact.
/// </summary>
public sealed class CappedTotalPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_search_past_the_cap_shows_10000_plus_and_a_status_list_its_exact_total()
    {
        var applicant = await fixture.App.CreateUserAsync(Roles.Applicant);
        await using (var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString))
            await conn.ExecuteAsync($"""
                INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                    case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at)
                SELECT gen_random_uuid(), @Id, 'submitted', 1, jsonb_build_object(), jsonb_build_object(), 'natural_person', '批量甲' || g,
                       lpad(g::text, 18, '0'), '(2023)浙02民初' || g || '号', '(2023)浙02民初' || g || '号', '2023-item13', 1000.00,
                       now(), now(), now()
                FROM generate_series(1, {ListPage.CountCap + 5}) AS g
                """, new { applicant.Id });

        var auditor = await PageBrowser.SignInAsync(fixture.App, Roles.Auditor);
        var searched = await auditor.HtmlAsync($"/Auditor?applicant={Uri.EscapeDataString("批量甲")}");
        searched.Should().Contain("符合条件的申请共 <strong>10,000+</strong> 件").And.Contain("共 10,000+ 件").And.Contain("下一页");
        (await auditor.HtmlAsync("/Auditor?status=submitted")).Should().Contain($"符合条件的申请共 <strong>{ListPage.CountCap + 5:#,0}</strong> 件");

        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        (await verifier.HtmlAsync($"/Verifier?status=submitted&q={Uri.EscapeDataString("批量甲")}")).Should().Contain("<strong>10,000+</strong>");
        (await verifier.HtmlAsync("/Verifier?status=submitted")).Should().Contain($"<strong>{ListPage.CountCap + 5:#,0}</strong>");

        var staff = new Actor(Guid.NewGuid(), "v", "v", Domain.Claims.Role.Verifier);
        var api = await fixture.App.Service<ClaimReader>().ListAsync(staff, "submitted", "批量甲", 1, 20);
        api.Value!.Total.Should().Be(ListPage.CountCap + 5, "the API's total is exact");
    }
}
