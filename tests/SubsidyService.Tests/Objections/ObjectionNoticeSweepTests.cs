using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Approval;
using SubsidyService.Domain.Kernel;
using Role = SubsidyService.Domain.Claims.Role;
using SubsidyService.Kernel;
using SubsidyService.Objections;
using SubsidyService.Operations;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Objections;

/// <summary>The notice sweep leaves a claim in notice while an objection to it waits for a person.</summary>
public sealed class ObjectionNoticeSweepTests
{
    [Fact]
    public async Task A_claim_with_an_open_objection_stays_in_notice_until_the_objection_is_answered()
    {
        var clock = new ShiftableClock();
        clock.SetChinaTime(2026, 12, 1);
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), clock);
        var s = await ApprovalSetup.StartAsync(app);
        await s.SetBudgetAsync(2026, "100000.00");
        var objected = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var quiet = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var recorded = await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{objected.Id()}/objections", new { content = "申请人的代理合同系伪造。" });
        var objectionId = (await ClaimApi.JsonAsync(recorded)).GetProperty("id").GetGuid();
        var (_, verifierUser) = await app.ClientAsAsync(Roles.Verifier);

        // Well past both notices' last day.
        clock.SetChinaTime(2026, 12, 20);
        var sweep = app.Service<NoticeSweep>();
        (await sweep.RunAsync()).Should().Be(1, "only the claim without an objection leaves its notice");
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        async Task<string> StatusOf(Guid id) => await conn.ExecuteScalarAsync<string>("SELECT status FROM claims WHERE id = @id", new { id }) ?? "";
        (await StatusOf(quiet.Id())).Should().Be("ready_for_payout");
        (await StatusOf(objected.Id())).Should().Be("in_public_notice");
        (await sweep.RunAsync()).Should().Be(0, "the next run leaves it too");

        // Tokens have expired on this clock: the verifier answers through the service, as the page would.
        var actor = new Actor(verifierUser.Id, verifierUser.Username, verifierUser.DisplayName, Role.Verifier);
        (await app.Service<ObjectionHandling>().DismissAsync(actor, objectionId, new DismissInput("经核查，代理合同真实有效。"))).Succeeded.Should().BeTrue();
        (await sweep.RunAsync()).Should().Be(1);
        (await StatusOf(objected.Id())).Should().Be("ready_for_payout");
    }
}
