using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Notifications;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Notifications;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// Where a claim stands: its application number (gapless per year), the review's due date and the supplement's
/// deadline in working days, the reminder before that deadline, and amounts labelled as what they are. Each test
/// takes a year of its own on the fixture's clock, so that numbers of one test never meet another's.
/// </summary>
public sealed class ClaimProgressTests(NotificationFixture f) : IClassFixture<NotificationFixture>
{
    /// <summary>
    /// Sets the clock to a China date (null: the real one). The tests move it back and forth between years, so sign-in
    /// attempts recorded at another time must not count against this one.
    /// </summary>
    private async Task AtAsync(int? year, int month = 1, int day = 1, int hour = 10)
    {
        if (year is { } y) f.Clock.SetChinaTime(y, month, day, hour);
        else f.Clock.Shift = TimeSpan.Zero;
        await f.ExecuteAsync("DELETE FROM login_throttles");
    }

    private static string NumberOf(JsonElement claim) => claim.GetProperty("applicationNumber").GetString()!;

    [Fact]
    public async Task Numbers_run_without_gaps_within_a_year_and_start_again_in_the_next()
    {
        await AtAsync(2031, 12, 31, 23);
        var (applicant, _) = await f.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(applicant);
        draft.GetProperty("applicationNumber").ValueKind.Should().Be(JsonValueKind.Null, "a draft has no number before it is submitted");
        var first = await ClaimApi.MustFireAsync(applicant, draft, "submit");
        var second = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await AtAsync(2032, 1, 2);
        (applicant, _) = await f.App.ClientAsAsync(Roles.Applicant);
        var third = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");

        NumberOf(first).Should().Be("2031-000001");
        NumberOf(second).Should().Be("2031-000002");
        NumberOf(third).Should().Be("2032-000001");
        // The id stays the API's identifier; the number is read with the claim.
        (await ClaimApi.GetAsync(applicant, third.Id())).GetProperty("applicationNumber").GetString().Should().Be("2032-000001");
    }

    [Fact]
    public async Task A_refused_submission_gives_its_number_back_and_a_resubmission_keeps_the_number()
    {
        await AtAsync(2033, 3, 1);
        var (applicant, _) = await f.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await f.App.ClientAsAsync(Roles.Verifier);
        var first = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");

        var refused = await ClaimApi.CreateAsync(applicant);
        // Without the undertaking the submission is refused after the number was taken in its transaction.
        var response = await ClaimApi.FireAsync(applicant, refused, "submit", data: new { undertakingAccepted = false });
        ((int)response.StatusCode).Should().BeOneOf(400, 422);
        (await ClaimApi.GetAsync(applicant, refused.Id())).GetProperty("applicationNumber").ValueKind.Should().Be(JsonValueKind.Null);

        var next = await ClaimApi.MustFireAsync(applicant, refused, "submit");
        NumberOf(first).Should().Be("2033-000001");
        NumberOf(next).Should().Be("2033-000002", "the refused submission left no gap");

        var back = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(verifier, first, "start_review"), "request_supplement",
            reason: "请补正", data: new { defects = new[] { "缺少维权代理合同" } });
        var again = await ClaimApi.MustFireAsync(applicant, back, "submit");
        NumberOf(again).Should().Be("2033-000001", "a resubmission keeps the claim's number");
        var sequence = await f.QueryAsync<int>("SELECT last_seq FROM application_number_sequences WHERE year = 2033");
        sequence.Should().Be(2);
    }

    [Fact]
    public async Task Two_submissions_at_once_get_consecutive_numbers()
    {
        await AtAsync(2034, 6, 1);
        var (applicant, _) = await f.App.ClientAsAsync(Roles.Applicant);
        var (other, _) = await f.App.ClientAsAsync(Roles.Applicant);
        var a = await ClaimApi.CreateAsync(applicant);
        var b = await ClaimApi.CreateAsync(other);
        var both = await Task.WhenAll(ClaimApi.MustFireAsync(applicant, a, "submit"), ClaimApi.MustFireAsync(other, b, "submit"));
        both.Select(NumberOf).Should().BeEquivalentTo("2034-000001", "2034-000002");
    }

    [Fact]
    public async Task Lists_find_a_claim_by_its_number_for_the_applicant_and_the_staff()
    {
        await AtAsync(2035, 4, 2);
        var browser = await PageBrowser.SignInAsync(f.App, Roles.Applicant);
        var applicant = f.App.ClientWithToken(await f.App.TokenAsync(browser.User.Username));
        var (verifier, _) = await f.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var number = NumberOf(claim);
        number.Should().Be("2035-000001");


        var mine = await browser.HtmlAsync("/Applicant?q=" + number);
        mine.Should().Contain(number).And.Contain($"/Applicant/Claims/{claim.Id()}").And.NotContain("2035-000002");
        var staff = await PageBrowser.SignInAsync(f.App, Roles.Verifier);
        var queue = await staff.HtmlAsync("/Verifier?status=&q=" + number);
        queue.Should().Contain($"/Verifier/Claims/{claim.Id()}").And.NotContain("2035-000002");
        var finance = await PageBrowser.SignInAsync(f.App, Roles.Finance);
        (await finance.HtmlAsync("/Finance/Claims?status=submitted&applicant=" + number)).Should().Contain(number);
    }

    [Fact]
    public async Task The_review_is_due_in_working_days_and_the_supplement_deadline_is_set_by_the_service()
    {
        await AtAsync(2026, 9, 21);
        var browser = await PageBrowser.SignInAsync(f.App, Roles.Applicant);
        var applicant = f.App.ClientWithToken(await f.App.TokenAsync(browser.User.Username));
        var (verifier, _) = await f.App.ClientAsAsync(Roles.Verifier);
        // Monday 21 September 2026: the Mid-Autumn days (25–27 September) and the National Day week (1–7 October) are
        // off, Saturday 10 October is a make-up working day.
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        claim.GetProperty("reviewDueOn").GetString().Should().Be("2026-10-26", "20 working days after 21 September");
        claim.GetProperty("reviewWorkingDays").GetInt32().Should().Be(20);

        claim = await ClaimApi.MustFireAsync(verifier, claim, "start_review");
        claim = await ClaimApi.MustFireAsync(verifier, claim, "request_supplement", reason: "请补正材料",
            data: new { defects = new[] { "缺少判决生效证明" } });
        claim.GetProperty("supplementDueOn").GetString().Should().Be("2026-10-19", "15 working days after the request");
        claim.GetProperty("history").EnumerateArray().Last().GetProperty("data").GetProperty("dueOn").GetString().Should().Be("2026-10-19");

        var page = await browser.HtmlAsync($"/Applicant/Claims/{claim.Id()}");
        page.Should().Contain(NumberOf(claim)).And.Contain("补正期限至 2026年10月19日").And.Contain("aria-current=\"step\"")
            .And.Contain("轮到您：请在 2026年10月19日 前补正材料");
        var staff = await PageBrowser.SignInAsync(f.App, Roles.Verifier);
        (await staff.HtmlAsync($"/Verifier/Claims/{claim.Id()}")).Should().Contain(NumberOf(claim)).And.Contain("2026年10月26日");

        // Overdue once the due date has passed while the bureau holds the claim.
        claim = await ClaimApi.MustFireAsync(applicant, claim, "submit");
        await AtAsync(2026, 12, 1);
        var (later, _) = await f.App.ClientAsAsync(Roles.Verifier);
        (await ClaimApi.GetAsync(later, claim.Id())).GetProperty("overdue").GetBoolean().Should().BeTrue();
        staff = await PageBrowser.SignInAsync(f.App, Roles.Verifier);
        var list = await staff.HtmlAsync("/Verifier?q=" + NumberOf(claim));
        list.Should().Contain($"/Verifier/Claims/{claim.Id()}").And.Contain("已超期");
    }

    [Fact]
    public async Task The_reminder_goes_out_two_working_days_before_the_supplement_deadline_once()
    {
        await AtAsync(2026, 9, 21);
        var (applicant, user) = await f.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await f.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(verifier, claim, "start_review"), "request_supplement",
            reason: "请补正材料", data: new { defects = new[] { "缺少判决生效证明" } });
        claim.GetProperty("supplementDueOn").GetString().Should().Be("2026-10-19");
        var reminders = f.App.Service<SupplementReminders>();

        await reminders.SendAsync(new DateOnly(2026, 10, 14));
        (await f.QueryAsync<int>("SELECT count(*)::int FROM supplement_reminders WHERE claim_id = @id", new { id = claim.Id() }))
            .Should().Be(0, "three working days before the deadline is too early");
        // Thursday 15 October: Friday 16 and Monday 19 are the two working days left.
        await reminders.SendAsync(new DateOnly(2026, 10, 15));
        await reminders.SendAsync(new DateOnly(2026, 10, 15));
        await reminders.SendAsync(new DateOnly(2026, 10, 16));

        var mails = await f.Mail.WaitForAsync(user.Email, count: 3);
        await Task.Delay(1500);
        mails = await f.Mail.EmailsToAsync(user.Email);
        var reminder = mails.Where(m => m.GetProperty("subject").GetString()!.StartsWith("【补助申请】补正期限将至")).ToList();
        reminder.Should().ContainSingle("the reminder is sent once per deadline");
        reminder[0].GetProperty("subject").GetString().Should().Contain("2026-10-19");
        reminder[0].GetProperty("text").GetString().Should().Contain(NumberOf(claim));
    }

    [Fact]
    public async Task A_rejected_claim_shows_no_amount_and_an_estimate_is_labelled_as_one()
    {
        await AtAsync(null);
        var browser = await PageBrowser.SignInAsync(f.App, Roles.Applicant);
        var applicant = f.App.ClientWithToken(await f.App.TokenAsync(browser.User.Username));
        var (verifier, _) = await f.App.ClientAsAsync(Roles.Verifier);
        var estimate = await ClaimApi.CreateAsync(applicant);
        var rejected = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await ClaimApi.MustFireAsync(verifier, rejected, "reject", reason: "二审改判", reasonCode: "not_won");

        var draftPage = await browser.HtmlAsync($"/Applicant/Claims/{estimate.Id()}");
        draftPage.Should().Contain("测算金额").And.Contain("4,000.00 元").And.NotContain("核定金额");
        var rejectedPage = await browser.HtmlAsync($"/Applicant/Claims/{rejected.Id()}");
        // The receipt mail in the claim's inbox still says what was estimated then; the page itself shows no amount.
        rejectedPage.Should().NotContain("<strong class=\"amount\">").And.NotContain("estimate-amount");
        var list = await browser.HtmlAsync("/Applicant?status=rejected");
        list.Should().Contain($"/Applicant/Claims/{rejected.Id()}").And.NotContain("4,000.00");
    }

    [Fact]
    public async Task Submitting_on_the_page_says_it_is_accepted_with_its_number_and_time_limit()
    {
        await AtAsync(2036, 5, 6);
        var browser = await PageBrowser.SignInAsync(f.App, Roles.Applicant);
        var applicant = f.App.ClientWithToken(await f.App.TokenAsync(browser.User.Username));
        var claim = await ClaimApi.CreateAsync(applicant);
        var path = $"/Applicant/Claims/{claim.Id()}";
        var html = await browser.FollowAsync(await browser.PostAsync(path, path + "?handler=Fire", new Dictionary<string, string>
        {
            ["trigger"] = "submit", ["version"] = claim.GetProperty("version").GetInt32().ToString(), ["undertakingAccepted"] = "true",
        }));
        html.Should().Contain("已受理，受理编号 2036-000001，审核时限 20 个工作日");
    }
}
