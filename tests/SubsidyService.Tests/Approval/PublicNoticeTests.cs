using Dapper;
using FluentAssertions;
using SubsidyService.Approval;
using SubsidyService.Operations;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Approval;

/// <summary>The notice period on the working-day calendar, and the sweep that ends it.</summary>
public sealed class PublicNoticeTests
{
    [Fact]
    public async Task The_notice_counts_working_days_across_a_weekend_a_make_up_day_and_a_holiday_and_the_sweep_ends_it_once()
    {
        var clock = new ShiftableClock();
        // Approved on Thursday 24 December 2026 with a 7-working-day notice: Fri 25, Sun 27 (a make-up working day),
        // Mon 28 … Thu 31 count; Fri 1 January is a holiday and the weekend is off; Mon 4 January is the seventh.
        clock.SetChinaTime(2026, 12, 24);
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), clock, new Dictionary<string, string?>
        {
            ["Workflow:PublicNoticeWorkingDays"] = "7",
            ["Calendar:Holidays:0"] = "2027-01-01",
            ["Calendar:MakeUpWorkingDays:0"] = "2026-12-27",
        });
        var s = await ApprovalSetup.StartAsync(app);
        await s.SetBudgetAsync(2026, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        approved.GetProperty("noticeEndsOn").GetString().Should().Be("2027-01-04");

        var sweep = app.Service<NoticeSweep>();
        clock.SetChinaTime(2027, 1, 4, hour: 23);
        (await sweep.RunAsync()).Should().Be(0, "the notice's last day is not over");
        // Read from the database: the clients' tokens have long expired on this clock.
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        (await conn.ExecuteScalarAsync<string>("SELECT status FROM claims WHERE id = @id", new { id = approved.Id() })).Should().Be("in_public_notice");

        clock.SetChinaTime(2027, 1, 5, hour: 0);
        var both = await Task.WhenAll(Task.Run(() => sweep.RunAsync()), Task.Run(() => sweep.RunAsync()));
        both.Sum().Should().Be(1, "two sweeps at once move the claim once");
        (await sweep.RunAsync()).Should().Be(0);

        (await conn.ExecuteScalarAsync<string>("SELECT status FROM claims WHERE id = @id", new { id = approved.Id() })).Should().Be("ready_for_payout");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = @id AND trigger = 'notice_elapsed'",
            new { id = approved.Id() })).Should().Be(1);
        await s.BudgetShouldAgreeWithItsClaimsAsync(2026);
    }

    [Fact]
    public async Task A_claim_with_an_unresolved_screening_flag_never_leaves_its_notice()
    {
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), clock);
        var s = await ApprovalSetup.StartAsync(app);
        var year = clock.Today().Year;
        await s.SetBudgetAsync(year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        // A flag no person has resolved yet, as a co-plaintiff's late submission would leave.
        await conn.ExecuteAsync("""
            INSERT INTO screening_flags (id, claim_id, code, detail, raised_at) VALUES (gen_random_uuid(), @id, 'shared_case', '共同原告', now())
            """, new { id = approved.Id() });

        clock.Shift = TimeSpan.FromDays(30);
        (await app.Service<NoticeSweep>().RunAsync()).Should().Be(0);
        (await conn.ExecuteScalarAsync<string>("SELECT status FROM claims WHERE id = @id", new { id = approved.Id() })).Should().Be("in_public_notice");

        await conn.ExecuteAsync("UPDATE screening_flags SET resolution = 'dismiss', resolved_at = now() WHERE claim_id = @id", new { id = approved.Id() });
        (await app.Service<NoticeSweep>().RunAsync()).Should().Be(1, "once resolved, the claim moves on");
    }

    [Fact]
    public async Task With_no_notice_period_approval_goes_straight_to_ready_for_payout()
    {
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: new Dictionary<string, string?>
        {
            ["Workflow:PublicNoticeWorkingDays"] = "0",
        });
        var s = await ApprovalSetup.StartAsync(app);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        await s.SetBudgetAsync(year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        approved.Status().Should().Be("ready_for_payout");
        approved.GetProperty("noticeEndsOn").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        (await conn.ExecuteScalarAsync<string>("SELECT state FROM budget_entries WHERE claim_id = @id", new { id = approved.Id() })).Should().Be("reserved");

        var home = await app.CreateClient().GetStringAsync("/");
        home.Should().Contain("现行政策不设公示期").And.NotContain("公示 0 个工作日", "the home page tells applicants the process as it is configured");
    }

    [Fact]
    public async Task The_home_page_gives_the_notice_period_of_the_policy_in_force()
    {
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync());
        var home = await app.CreateClient().GetStringAsync("/");
        home.Should().Contain("公示 5 个工作日").And.NotContain("不设公示期");
    }
}
