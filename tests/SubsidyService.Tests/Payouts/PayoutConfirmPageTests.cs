using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Payouts;

/// <summary>
/// "立即执行拨付批次" in two steps: a confirmation page with the count and the total (nothing runs on the first post),
/// then the confirmation, refused when the ready claims changed since; batches named by day and number, and states
/// that tell a written file from the bank's answer.
/// </summary>
public sealed class PayoutConfirmPageTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task The_first_post_only_shows_the_count_and_total_and_a_changed_set_is_refused_before_anything_runs()
    {
        var s = await PayoutSetup.StartAsync(App);
        await s.ReadyClaimsAsync(3);
        var finance = await PageBrowser.SignInAsync(App, Roles.Finance);
        var (ready, total) = await ReadyAsync();
        var batches = await BatchCountAsync();

        var preview = await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts", []);
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var confirm = await PageBrowser.HtmlOf(preview);
        confirm.Should().Contain("id=\"run-confirm\"").And.Contain($"<strong id=\"preview-count\">{ready}</strong>")
            .And.Contain($"<strong id=\"preview-total\">{Money(total)}</strong>").And.Contain("预算影响");
        (await BatchCountAsync()).Should().Be(batches, "the first post runs nothing");

        // Two more claims become ready while the page is open: the old confirmation is refused and the new set shown.
        await s.ReadyClaimsAsync(1);
        var refused = await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Confirm", ConfirmFields(confirm));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await PageBrowser.HtmlOf(refused);
        again.Should().Contain("待拨付的申请已有变化，未执行拨付").And.Contain($"<strong id=\"preview-count\">{ready + 2}</strong>");
        (await BatchCountAsync()).Should().Be(batches, "a changed set runs nothing");
        var forged = ConfirmFields(again).Where(f => f.Key != "Fingerprint").Append(KeyValuePair.Create("Fingerprint", "x")).ToList();
        (await PageBrowser.HtmlOf(await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Confirm", forged)))
            .Should().Contain("未执行拨付");
        (await BatchCountAsync()).Should().Be(batches);

        var started = await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Confirm", ConfirmFields(again));
        started.StatusCode.Should().Be(HttpStatusCode.Redirect, await PageBrowser.HtmlOf(started));
        var id = Guid.Parse(started.Headers.Location!.ToString().Split('/')[^1]);
        var batch = await PayoutSetup.WaitForBatchAsync(s.Finance, id, TimeSpan.FromSeconds(60));
        batch.GetProperty("status").GetString().Should().Be("completed");
        batch.GetProperty("claimCount").GetInt32().Should().Be(ready + 2);
        var name = batch.GetProperty("name").GetString()!;
        name.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2} 第\d+批$");
        batch.GetProperty("pendingPayments").GetInt32().Should().Be(ready + 2, "the file is written; the bank has not answered");

        // The pages speak of the batch by its name and say that the bank has still to answer.
        var details = await finance.HtmlAsync($"/Finance/Payouts/Details/{id}");
        details.Should().Contain($"<h1>拨付批次 {name}</h1>").And.Contain(">文件已生成，待银行回单<").And.NotContain(">已完成<");
        var list = await finance.HtmlAsync("/Finance/Payouts");
        list.Should().Contain($">{name}</a>").And.Contain(">文件已生成，待银行回单<").And.NotContain(id.ToString()[..8] + "<");

        var lines = PayoutSetup.Lines(await s.FileAsync(id)).Skip(1).ToList();
        (await PayoutSetup.PostResultsAsync(s.BankClerk, id, PayoutSetup.Results(lines.Take(1), "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await finance.HtmlAsync($"/Finance/Payouts/Details/{id}")).Should().Contain(">部分回单<");
        (await PayoutSetup.PostResultsAsync(s.BankClerk, id, PayoutSetup.Results(lines.Skip(1), "failed"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await finance.HtmlAsync($"/Finance/Payouts/Details/{id}")).Should().Contain(">已回单<");
        (await ClaimApi.JsonAsync(await s.Finance.GetAsync($"/api/v1/payout-batches/{id}"))).GetProperty("pendingPayments").GetInt32().Should().Be(0);

        // Nothing left to pay: the confirmation page says so and offers no button.
        var empty = await PageBrowser.HtmlOf(await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts", []));
        empty.Should().Contain("id=\"preview-empty\"").And.NotContain("handler=Confirm");
    }

    [Fact]
    public async Task A_confirmed_batch_pays_only_the_claims_it_was_given_and_leaves_later_ones_for_the_next()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(2);
        var requested = await App.Service<PayoutRequests>().RequestAsync(null, "manual", [ids[0]]);
        requested.Succeeded.Should().BeTrue();
        var batch = await PayoutSetup.WaitForBatchAsync(s.Finance, requested.Value, TimeSpan.FromSeconds(60));
        batch.GetProperty("claimCount").GetInt32().Should().Be(1);
        (await ClaimApi.GetAsync(s.Finance, ids[0])).Status().Should().Be("in_payout");
        (await ClaimApi.GetAsync(s.Finance, ids[1])).Status().Should().Be("ready_for_payout", "it was not on the confirmation page");
        (await ClaimApi.GetAsync(s.Finance, ids[2])).Status().Should().Be("ready_for_payout");
    }

    [Fact]
    public async Task Batches_are_numbered_from_one_each_China_day_even_when_requested_together()
    {
        var store = App.Service<PayoutStore>();
        // 23:59:59 and 00:00:00 China time, in a year no other test uses; an empty scope so that no job would pay anything.
        var lateEvening = new DateTime(2020, 3, 1, 15, 59, 59, DateTimeKind.Utc);
        var midnight = new DateTime(2020, 3, 1, 16, 0, 0, DateTimeKind.Utc);
        var evening = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var morning = Enumerable.Range(0, 2).Select(_ => Guid.NewGuid()).ToArray();
        var created = await Task.WhenAll(evening.Select(id => store.CreateBatchAsync(id, "manual", null, lateEvening, []))
            .Concat(morning.Select(id => store.CreateBatchAsync(id, "manual", null, midnight, []))));
        created.Should().OnlyContain(c => c);

        var names = new List<string>();
        foreach (var id in evening.Concat(morning)) names.Add((await store.FindAsync(id))!.Name);
        names.Take(4).Order().Should().Equal("2020-03-01 第1批", "2020-03-01 第2批", "2020-03-01 第3批", "2020-03-01 第4批");
        names.Skip(4).Order().Should().Equal("2020-03-02 第1批", "2020-03-02 第2批");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        await conn.ExecuteAsync("DELETE FROM payout_batches WHERE id = ANY(@ids)", new { ids = evening.Concat(morning).ToArray() });
    }

    [Fact]
    public async Task The_batch_page_lists_its_payments_with_masked_accounts_and_offers_its_progress_as_json()
    {
        var s = await PayoutSetup.StartAsync(App);
        await s.ReadyClaimsAsync(2);
        var batch = await s.RunBatchThroughApiAsync();
        var id = batch.GetProperty("id").GetGuid();
        var finance = await PageBrowser.SignInAsync(App, Roles.Finance);
        var lines = PayoutSetup.Lines(await s.FileAsync(id)).Skip(1).ToList();
        var verifier = await PageBrowser.SignInAsync(App, Roles.Verifier);

        var html = await finance.HtmlAsync($"/Finance/Payouts/Details/{id}");
        var table = Regex.Match(html, "<table class=\"list stack\" id=\"batch-payments\"[\\s\\S]*?</table>").Value;
        table.Should().Contain("<th>业务参考号</th><th>申请（案号）</th><th>户名</th><th>开户行</th><th>账号</th><th class=\"num\">金额</th><th>状态</th>");
        foreach (var line in lines)
        {
            var row = Regex.Match(table, $"<tr data-reference=\"{line[5]}\">[\\s\\S]*?</tr>").Value;
            row.Should().Contain($"/Finance/Claims/{line[0]}").And.Contain(line[1]).And.Contain(line[2]).And.Contain("4,000.00 元").And.Contain(">待银行回单<");
            row.Should().NotContain(line[3], "the account number is masked on the page").And.Contain(line[3][..3]).And.Contain(line[3][^4..]);
        }
        // The payments for people: Chinese headers, the account in full (finance only), the same lines as the bank's file.
        var listCsv = await finance.Client.GetAsync($"/Finance/Payouts/Details/{id}?handler=ListCsv");
        listCsv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await listCsv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        var people = PayoutSetup.Lines(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        people[0].Should().Equal("申请编号", "户名", "开户行", "账号", "金额", "业务参考号");
        // People know a claim by its 受理编号, where the bank's file carries its id.
        Dictionary<string, string> numbers;
        await using (var db = await TestPostgres.OpenAsync(App.ConnectionString))
            numbers = (await db.QueryAsync<(Guid Id, string Number)>("SELECT id, application_number FROM claims WHERE id = ANY(@ids)",
                new { ids = lines.Select(l => Guid.Parse(l[0])).ToArray() })).ToDictionary(r => r.Id.ToString(), r => r.Number);
        numbers.Values.Should().OnlyContain(n => Regex.IsMatch(n, @"^\d{4}-\d{6}$"));
        people.Skip(1).Should().BeEquivalentTo(lines.Select(l => new[] { numbers[l[0]], l[1], l[2], l[3], l[4], l[5] }), o => o.WithStrictOrdering());
        var xlsx = await finance.Client.GetAsync($"/Finance/Payouts/Details/{id}?handler=ListXlsx");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            rows[0].Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).Should().Equal(people[0]);
            var cells = rows[1].Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            cells.Select(c => c.InnerText).Should().Equal(people[1]);
            cells[3].DataType!.Value.Should().Be(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, "an account number stays text");
            cells[4].DataType!.Value.Should().Be(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, "an amount is a number Excel sums");
        }
        (await verifier.Client.GetAsync($"/Finance/Payouts/Details/{id}?handler=ListCsv")).StatusCode.Should().NotBe(HttpStatusCode.OK);

        html.Should().NotContain("http-equiv=\"refresh\"");
        html.Should().Contain("role=\"progressbar\"").And.Contain("aria-valuenow=\"100\"").And.Contain("aria-live=\"polite\"");

        var progress = await finance.Client.GetAsync($"/Finance/Payouts/Details/{id}?handler=Progress");
        progress.StatusCode.Should().Be(HttpStatusCode.OK);
        progress.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = await ClaimApi.JsonAsync(progress);
        json.GetProperty("percent").GetInt32().Should().Be(100);
        json.GetProperty("finished").GetBoolean().Should().BeTrue();
        json.GetProperty("state").GetString().Should().Be("文件已生成，待银行回单");
        json.GetProperty("name").GetString().Should().Be(batch.GetProperty("name").GetString());
        (await finance.Client.GetAsync($"/Finance/Payouts/Details/{Guid.NewGuid()}?handler=Progress")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await verifier.Client.GetAsync($"/Finance/Payouts/Details/{id}?handler=Progress")).StatusCode.Should().NotBe(HttpStatusCode.OK);

        // A batch still gathering: the page carries the poll address and no reload.
        await using (var conn = await TestPostgres.OpenAsync(App.ConnectionString))
        {
            var running = Guid.NewGuid();
            await conn.ExecuteAsync("""
                INSERT INTO payout_batches (id, status, origin, requested_at, updated_at, expected, gathered, claim_ids)
                VALUES (@running, 'running', 'manual', now(), now(), 40, 10, '{}')
                """, new { running });
            var page = await finance.HtmlAsync($"/Finance/Payouts/Details/{running}");
            page.Should().Contain($"data-progress-url=\"/Finance/Payouts/Details/{running}?handler=Progress\"").And.Contain("aria-valuenow=\"25\"")
                .And.Contain(">汇集中<").And.NotContain("http-equiv=\"refresh\"");
            var poll = await ClaimApi.JsonAsync(await finance.Client.GetAsync($"/Finance/Payouts/Details/{running}?handler=Progress"));
            poll.GetProperty("percent").GetInt32().Should().Be(25);
            poll.GetProperty("finished").GetBoolean().Should().BeFalse();
            await conn.ExecuteAsync("UPDATE payout_batches SET status = 'failed' WHERE id = @running", new { running });
        }
    }

    [Fact]
    public void The_peoples_list_quotes_cells_a_spreadsheet_would_run_as_formulas()
    {
        var payment = new PaymentRow
        {
            ClaimId = Guid.NewGuid(), Reference = "SP0000000001", PayeeName = "=HYPERLINK(\"http://x\",\"点此\")", BankName = "@SUM(1)",
            AccountNumber = "+cmd|'/C calc'!A0", Amount = 4000m, State = "pending",
        };
        var text = System.Text.Encoding.UTF8.GetString(PaymentList.ToCsv([payment]));
        text.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"").And.Contain(",'@SUM(1),").And.Contain(",'+cmd|'/C calc'!A0,")
            .And.Contain(",4000.00,SP0000000001");
    }

    /// <summary>The hidden fields of the confirmation page's form: the fingerprint of what it showed, its count and total.</summary>
    public static List<KeyValuePair<string, string>> ConfirmFields(string confirmPage)
    {
        var form = Regex.Match(confirmPage, "<form[^>]*handler=Confirm[^>]*>[\\s\\S]*?</form>").Value;
        form.Should().NotBeEmpty("the confirmation page has the confirm form");
        return Regex.Matches(form, "<input type=\"hidden\" name=\"(Fingerprint|ShownCount|ShownTotal)\" value=\"([^\"]*)\"")
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    private async Task<(int Count, decimal Total)> ReadyAsync()
    {
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        return await conn.QuerySingleAsync<(int, decimal)>(
            "SELECT count(*)::int, coalesce(sum(amount), 0) FROM claims WHERE status = 'ready_for_payout'");
    }

    private async Task<long> BatchCountAsync()
    {
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches");
    }

    private static string Money(decimal amount) => amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元";
}
