using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using FluentAssertions;
using Hangfire;
using Hangfire.States;
using Hangfire.Dashboard.Resources;
using SubsidyService.Accounts;
using SubsidyService.Approval;
using SubsidyService.Jobs;
using SubsidyService.Jobs.Dashboard;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Jobs;

/// <summary>The job dashboard speaks Chinese to staff, and the admin page says what each scheduled job is for.</summary>
public sealed partial class JobsInChineseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task The_dashboard_answers_an_admin_in_Chinese_whatever_the_browser_asks_for()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Admin);
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var home = await browser.HtmlAsync("/jobs");
        home.Should().Contain("<html lang=\"zh\"").And.Contain("仪表盘").And.Contain("作业");
        home.Should().NotContain("Realtime Graph").And.NotContain(">Dashboard<");
        // Dates the server writes read as on the service's own pages (the script rewrites them the same way).
        home.Should().MatchRegex("data-moment-local=\"[0-9]+\">20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日 [0-9]{2}:[0-9]{2}:[0-9]{2}<");

        // Strings Hangfire's own Chinese lacks come from the service's supplement; the list needs a row to show its columns.
        var deleted = App.Service<IBackgroundJobClient>().Create(() => Console.WriteLine("done"), new DeletedState(new ExceptionInfo(new TimeoutException())));
        var details = await browser.HtmlAsync($"/jobs/jobs/details/{deleted}");
        details.Should().Contain("参数").And.NotContain(">Parameters<");

        // Recurring jobs are named in Chinese with their schedule, not by class and raw cron alone.
        var recurring = await browser.HtmlAsync("/jobs/recurring");
        recurring.Should().Contain("公示期满处理（每 10 分钟）").And.Contain("执行计划").And.NotContain("NoticeSweepJob.RunAsync");
    }

    [Fact]
    public async Task The_dashboards_script_sets_its_dates_to_Chinese()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Finance);
        var home = await browser.HtmlAsync("/jobs");
        var bundle = ScriptBundle().Match(home);
        bundle.Success.Should().BeTrue("the dashboard loads its script bundle");
        var script = await browser.Client.GetStringAsync(bundle.Groups[1].Value);
        script.Should().Contain("Hangfire.config.locale = 'zh-cn'").And.Contain("YYYY年M月D日");
        Regex.Matches(script, "Hangfire.config.locale = 'zh-cn'").Should().ContainSingle("hosts in one process add the script once");
    }

    [Fact]
    public void Every_string_of_the_dashboard_has_Chinese_words()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Strings.ResourceManager.Should().BeOfType<SupplementedStrings>();
        var english = Strings.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var untranslated = english.Cast<DictionaryEntry>()
            .Where(e => e.Value is string)
            .Select(e => (Key: (string)e.Key, Text: Strings.ResourceManager.GetString((string)e.Key, zh) ?? ""))
            .Where(e => !Cjk().IsMatch(e.Text))
            .Select(e => $"{e.Key}: {e.Text}")
            .ToList();
        english.Cast<DictionaryEntry>().Should().HaveCountGreaterThan(100, "the set read is Hangfire's whole dashboard");
        untranslated.Should().BeEmpty();
    }

    [Fact]
    public async Task The_admin_page_links_the_dashboard_and_explains_every_scheduled_job()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Admin);
        var page = await browser.HtmlAsync("/Admin");
        page.Should().Contain("href=\"/jobs\"");

        var jobs = App.Service<RecurringJobCatalog>().All();
        jobs.Select(j => j.Id).Should().Contain([NoticeSweepJob.Id, "data-purge", "audit-seal", "payout-batch", "verifier-digest"]);
        foreach (var job in jobs)
        {
            job.Name.Should().MatchRegex(Cjk().ToString(), $"{job.Id} has a Chinese name");
            job.Purpose.Should().NotBeEmpty($"{job.Id} says what it does");
            page.Should().Contain(job.Name).And.Contain(job.Purpose).And.Contain(job.Schedule);
        }
        page.Should().Contain("每 10 分钟").And.Contain("每个工作日（周一至周五） 08:30").And.Contain("每天 03:40");
    }

    [Theory]
    [InlineData("*/10 * * * *", "每 10 分钟")]
    [InlineData("* * * * *", "每分钟")]
    [InlineData("0 * * * *", "每小时整点")]
    [InlineData("40 3 * * *", "每天 03:40")]
    [InlineData("0 2 * * 1-5", "每个工作日（周一至周五） 02:00")]
    [InlineData("0 2 1 * *", "按计划“0 2 1 * *”（北京时间）")]
    public void Schedules_read_in_Chinese(string cron, string text) => CronText.Describe(cron).Should().Be(text);

    [GeneratedRegex("<script src=\"(/jobs/js[0-9-]+)\"")]
    private static partial Regex ScriptBundle();

    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex Cjk();
}
