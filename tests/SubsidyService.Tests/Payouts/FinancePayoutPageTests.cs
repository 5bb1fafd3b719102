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

        var confirm = await PageBrowser.HtmlOf(await browser.PostAsync("/Finance/Payouts", "/Finance/Payouts", []));
        var started = await browser.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Confirm", PayoutConfirmPageTests.ConfirmFields(confirm));
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var details = started.Headers.Location!.ToString();
        details.Should().StartWith("/Finance/Payouts/Details/");
        var html = await browser.HtmlAsync(details);
        for (var i = 0; i < 300 && !html.Contains(">文件已生成，待银行回单<"); i++)
        {
            html.Should().Contain("?handler=Progress\"").And.NotContain("http-equiv=\"refresh\"", "an unfinished batch's page polls; it does not reload itself");
            await Task.Delay(100);
            html = await browser.HtmlAsync(details);
        }
        html.Should().Contain(">文件已生成，待银行回单<").And.NotContain("http-equiv=\"refresh\"").And.NotContain(">已完成<");
        html.Should().Contain("data-progress-url=\"\"", "a finished batch has nothing to poll");
        html.Should().Contain($"<strong id=\"batch-count\">{ids.Length}</strong>").And.Contain((ids.Length * 4000m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元");

        var csv = await browser.Client.GetAsync(details + "?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = PayoutSetup.Lines(Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..])).Skip(1).ToList();
        lines.Should().HaveCount(ids.Length);
        (await browser.Client.GetAsync(details + "?handler=Xlsx")).Content.Headers.ContentType!.MediaType
            .Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // The clerk who ran the batch may not import its results: a second finance user does.
        var mine = Encoding.UTF8.GetBytes("reference,result,amount,message\r\n" + string.Concat(lines.Select(l => $"{l[5]},paid,{l[4]},\r\n")));
        (await browser.HtmlAsync(details)).Should().Contain("id=\"second-person\"");
        (await PageBrowser.HtmlOf(await browser.PostFileAsync(details, details + "?handler=Results", [], "results.csv", mine, "text/csv")))
            .Should().Contain("另一名财务人员").And.NotContain("id=\"results-summary\"");
        var clerk = await PageBrowser.SignInAsync(App, Roles.Finance);
        (await clerk.HtmlAsync(details)).Should().NotContain("id=\"second-person\"");

        var bad = Encoding.UTF8.GetBytes($"reference,result,amount,message\r\n{lines[0][5]},paid,4000.00,\r\nNOPE,paid,4000.00,\r\n{lines[1][5]},maybe,4000.00,\r\n{lines[2][5]},paid,400.00,\r\n");
        var refused = PageBrowser.HtmlOf(await clerk.PostFileAsync(details, details + "?handler=Results", [], "results.csv", bad, "text/csv"));
        (await refused).Should().Contain("id=\"results-refusals\"").And.Contain("第 3 行").And.Contain("第 4 行").And.Contain("第 5 行")
            .And.Contain("与本批次该笔支付的 4000.00 元不符").And.Contain("未导入任何结果");

        var applied = await PageBrowser.HtmlOf(await clerk.PostFileAsync(details, details + "?handler=Results", [], "results.csv", mine, "text/csv"));
        applied.Should().Contain("id=\"results-summary\"").And.Contain($"支付成功 <strong>{ids.Length}</strong> 笔");
        var total = (ids.Length * 4000m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元";
        applied.Should().Contain($"id=\"sent-total\">{total}<").And.Contain($"id=\"confirmed-total\">{total}<")
            .And.Contain("id=\"pending-total\">0.00 元<", "the page sets what the bank confirmed beside what was sent");
        applied.Should().Contain(">已回单<", "the bank has answered every payment");

        (await browser.HtmlAsync("/Finance/Payouts")).Should().Contain(details);
        (await browser.HtmlAsync("/Finance/Recoveries")).Should().Contain("重复资助追回");
        var verifier = await PageBrowser.SignInAsync(App, Roles.Verifier);
        (await verifier.Client.GetAsync("/Finance/Payouts")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
