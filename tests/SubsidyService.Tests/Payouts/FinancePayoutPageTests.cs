using System.Net;
using System.Text;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Payouts;

/// <summary>Finance runs a batch, follows it, downloads the file and uploads the bank's results, all on the pages.</summary>
public sealed class FinancePayoutPageTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task Finance_runs_a_batch_follows_its_progress_downloads_the_file_and_uploads_results_with_their_report()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(5);
        var browser = await PageBrowser.SignInAsync(App, Roles.Finance);
        (await browser.HtmlAsync("/Finance")).Should().Contain("href=\"/Finance/Payouts\"", "the menu links to the batches");

        var started = await browser.PostAsync("/Finance/Payouts", "/Finance/Payouts", []);
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var details = started.Headers.Location!.ToString();
        details.Should().StartWith("/Finance/Payouts/Details/");
        var html = await browser.HtmlAsync(details);
        for (var i = 0; i < 300 && !html.Contains(">已完成<"); i++)
        {
            html.Should().Contain("http-equiv=\"refresh\"", "an unfinished batch's page reloads itself");
            await Task.Delay(100);
            html = await browser.HtmlAsync(details);
        }
        html.Should().Contain(">已完成<").And.NotContain("http-equiv=\"refresh\"");
        html.Should().Contain($"<strong id=\"batch-count\">{ids.Length}</strong>").And.Contain((ids.Length * 4000m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元");

        var csv = await browser.Client.GetAsync(details + "?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = PayoutSetup.Lines(Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..])).Skip(1).ToList();
        lines.Should().HaveCount(ids.Length);
        (await browser.Client.GetAsync(details + "?handler=Xlsx")).Content.Headers.ContentType!.MediaType
            .Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var bad = Encoding.UTF8.GetBytes($"reference,result,message\r\n{lines[0][5]},paid,\r\nNOPE,paid,\r\n{lines[1][5]},maybe,\r\n");
        var refused = PageBrowser.HtmlOf(await browser.PostFileAsync(details, details + "?handler=Results", [], "results.csv", bad, "text/csv"));
        (await refused).Should().Contain("id=\"results-refusals\"").And.Contain("第 3 行").And.Contain("第 4 行").And.Contain("未导入任何结果");

        var good = Encoding.UTF8.GetBytes("reference,result,message\r\n" + string.Concat(lines.Select(l => $"{l[5]},paid,\r\n")));
        var applied = await PageBrowser.HtmlOf(await browser.PostFileAsync(details, details + "?handler=Results", [], "results.csv", good, "text/csv"));
        applied.Should().Contain("id=\"results-summary\"").And.Contain($"支付成功 <strong>{ids.Length}</strong> 笔");

        (await browser.HtmlAsync("/Finance/Payouts")).Should().Contain(details);
        (await browser.HtmlAsync("/Finance/Recoveries")).Should().Contain("重复资助追回");
        var verifier = await PageBrowser.SignInAsync(App, Roles.Verifier);
        (await verifier.Client.GetAsync("/Finance/Payouts")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
