using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>
/// The lists beyond the claims, as clerks work them: payout batches, recoveries and the outbox, each counted,
/// filtered, sorted, paged in the database and exported. Rows are written straight into the tables, on dates far
/// from today's and under names of their own, so that each test sees only its own.
/// </summary>
public sealed class WorkListPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Payout_batches_filter_by_status_and_date_sort_by_total_and_count_page_and_export()
    {
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 7000));
        var ids = Enumerable.Range(0, 22).Select(_ => Guid.NewGuid()).ToArray();
        var outside = Guid.NewGuid();
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
        {
            for (var i = 0; i < ids.Length; i++)
                await InsertBatchAsync(conn, ids[i], i % 2 == 0 ? "completed" : "failed", China(day, 9, i), i + 1, (i + 1) * 1000m);
            await InsertBatchAsync(conn, outside, "completed", China(day.AddDays(1), 9, 0), 99, 99_000m);
        }
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var range = $"from={Iso(day)}&to={Iso(day)}";

        var newest = await finance.HtmlAsync($"/Finance/Payouts?{range}");
        newest.Should().Contain("符合条件的批次共 <strong>22</strong> 批").And.NotContain(outside.ToString());
        Positions(newest, ids[21], ids[20], ids[2]).Should().BeInAscendingOrder("newest first by default");
        newest.Should().Contain("第 1 / 2 页，共 22 批").And.Contain($"href=\"/Finance/Payouts?{range}&p=2\"");
        newest.Should().MatchRegex("<span class=\"count\">[1-9][\\d,]*</span><span>失败</span>");
        newest.Should().Contain($"{day.Year}年{day.Month}月{day.Day}日 09:21").And.Contain("22,000.00 元");

        var byTotal = await finance.HtmlAsync($"/Finance/Payouts?{range}&sort=-total");
        Positions(byTotal, ids[21], ids[10], ids[2]).Should().BeInAscendingOrder();
        byTotal.Should().Contain("aria-sort=\"descending\"").And.Contain($"href=\"/Finance/Payouts?{range}&sort=total\"");
        var second = await finance.HtmlAsync($"/Finance/Payouts?{range}&sort=-total&p=2");
        second.Should().Contain($"/Finance/Payouts/Details/{ids[1]}").And.Contain($"/Finance/Payouts/Details/{ids[0]}")
            .And.NotContain($"/Finance/Payouts/Details/{ids[2]}").And.Contain("上一页");
        Positions(await finance.HtmlAsync($"/Finance/Payouts?{range}&sort=count"), ids[0], ids[1], ids[5]).Should().BeInAscendingOrder();

        var failed = await finance.HtmlAsync($"/Finance/Payouts?status=failed&{range}");
        failed.Should().Contain("共 <strong>11</strong> 批").And.Contain($"/Finance/Payouts/Details/{ids[1]}").And.NotContain($"/Finance/Payouts/Details/{ids[0]}");

        var response = await finance.Client.GetAsync($"/Finance/Payouts?handler=Csv&status=failed&{range}&sort=total");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Bom);
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes));
        csv[0].Fields.Should().Equal("批次", "提交时间", "方式", "状态", "待银行回单笔数", "笔数", "合计金额（元）", "开始时间", "完成时间", "支付文件 SHA-256", "最近错误", "批次标识");
        csv.Skip(1).Should().HaveCount(11);
        csv[1].Fields.Should().StartWith([$"{Iso(day)} 第2批", $"{Iso(day)} 09:01", "手动", "失败", "0", "2", "2000.00"]);
        csv[1].Fields[^1].Should().Be(ids[1].ToString());

        (await finance.HtmlAsync($"/Finance/Payouts?from={Iso(day)}&to=2000-01-01")).Should().Contain("截止日期不能早于起始日期");
        (await finance.HtmlAsync("/Finance/Payouts?sort=password")).Should().Contain("无法按“password”排序");
        (await finance.HtmlAsync("/Finance/Payouts?from=1990-01-01&to=1990-01-02")).Should().Contain("没有符合条件的拨付批次").And.Contain("清除条件");
    }

    [Fact]
    public async Task Recoveries_show_the_open_by_default_count_both_search_by_name_or_case_sort_page_and_export()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var claim = (await ClaimApi.CreateAsync(flows.Applicant)).Id();
        var name = "追回" + Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 7000));
        var open = Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToArray();
        var settled = Guid.NewGuid();
        var serial = Random.Shared.Next(100_000, 999_999);
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
        {
            for (var i = 0; i < open.Length; i++)
                await InsertRecoveryAsync(conn, open[i], claim, name, $"(2023)浙02民初{serial + i}号", 1000m + i * 100, China(day, 8, i), null);
            await InsertRecoveryAsync(conn, settled, claim, name, $"(2023)浙02民初{serial + 50}号", 500m, China(day, 7, 0), China(day, 12, 0));
        }
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var q = "q=" + Uri.EscapeDataString(name);

        var first = await finance.HtmlAsync($"/Finance/Recoveries?{q}");
        first.Should().Contain("符合条件的追回共 <strong>21</strong> 件").And.NotContain($"recovery-{settled}");
        Positions(first, open[20], open[19], open[1], "recovery-").Should().BeInAscendingOrder("the latest opened first");
        first.Should().Contain("name=\"note\"").And.Contain("登记追回结果").And.Contain("3,000.00 元");
        first.Should().MatchRegex("<span class=\"count\">[1-9][\\d,]*</span><span>待追回</span>").And.MatchRegex("<span class=\"count\">[1-9][\\d,]*</span><span>已登记</span>");
        var second = await finance.HtmlAsync($"/Finance/Recoveries?state=open&{q}&p=2");
        second.Should().Contain($"recovery-{open[0]}").And.NotContain($"recovery-{open[1]}");

        var done = await finance.HtmlAsync($"/Finance/Recoveries?state=settled&{q}");
        done.Should().Contain($"recovery-{settled}").And.NotContain($"recovery-{open[0]}").And.Contain("申请人已缴回国库");
        var byAmount = await finance.HtmlAsync($"/Finance/Recoveries?state=&{q}&sort=amount");
        Positions(byAmount, settled, open[0], open[1], "recovery-").Should().BeInAscendingOrder();
        byAmount.Should().Contain("aria-sort=\"ascending\"");

        // The case number typed with full-width brackets and spaces finds the one recovery.
        var typed = Uri.EscapeDataString($"（2023）浙 02 民初{serial + 7}号");
        var one = await finance.HtmlAsync($"/Finance/Recoveries?state=&q={typed}");
        one.Should().Contain($"recovery-{open[7]}").And.Contain("共 <strong>1</strong> 件");
        (await finance.HtmlAsync($"/Finance/Recoveries?q={Uri.EscapeDataString(name + "无此人")}")).Should().Contain("清空搜索词");

        var bytes = await finance.Client.GetByteArrayAsync($"/Finance/Recoveries?handler=Csv&state=&{q}&sort=-amount");
        bytes.Take(3).Should().Equal(Bom);
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes));
        csv[0].Fields.Should().StartWith(["状态", "申请人", "案号", "应追回金额（元）"]);
        csv.Skip(1).Should().HaveCount(22);
        csv[1].Fields.Should().StartWith(["待追回", name, $"(2023)浙02民初{serial + 20}号", "3000.00"]);
        csv[^1].Fields.Should().StartWith(["已登记", name]).And.Contain("500.00").And.Contain("缴款书 1");
        csv[^1].Fields[^1].Should().Be(settled.ToString());

        // The settle form as before: a refused settlement shows its error under that recovery's form, on the list as filtered.
        var path = $"/Finance/Recoveries?{q}";
        var refused = await PageBrowser.HtmlOf(await finance.PostAsync(path, path, new() { ["id"] = open[3].ToString(), ["method"] = "repaid", ["note"] = "" }));
        refused.Should().Contain($"recovery-{open[3]}").And.Contain("共 <strong>21</strong> 件").And.Contain("field-error");
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await conn.ExecuteAsync("UPDATE claims SET status = 'paid' WHERE id = @claim", new { claim });
        var posted = await finance.PostAsync(path, path, new() { ["id"] = open[3].ToString(), ["method"] = "offset", ["note"] = "已从其他款项抵扣" });
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await PageBrowser.HtmlOf(posted));
        posted.Headers.Location!.ToString().Should().StartWith("/Finance/Recoveries?q=", "back to the list as it was filtered");
        var after = await finance.FollowAsync(posted);
        after.Should().Contain("已登记追回结果：从其他应付款项中抵扣。").And.Contain("共 <strong>20</strong> 件").And.NotContain($"recovery-{open[3]}");
    }

    [Fact]
    public async Task The_outbox_shows_unsent_mail_by_default_filters_by_status_searches_recipients_sorts_pages_and_exports_without_bodies()
    {
        var tag = "mail" + Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 7000));
        var dead = Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToArray();
        var sent = Guid.NewGuid();
        var pending = Guid.NewGuid();
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
        {
            for (var i = 0; i < dead.Length; i++)
                await InsertMailAsync(conn, dead[i], $"{tag}.{i}@test.example", "dead", i == 0 ? 8 : 1 + i % 7, China(day, 10, i));
            await InsertMailAsync(conn, sent, $"{tag}.sent@test.example", "sent", 1, China(day, 11, 0));
            await InsertMailAsync(conn, pending, $"{tag}.pending@test.example", "pending", 0, China(day, 9, 0));
        }
        var admin = await PageBrowser.SignInAsync(fixture.App, Roles.Admin);
        var q = "q=" + tag;

        var unsent = await admin.HtmlAsync($"/Admin/Mail?{q}");
        unsent.Should().Contain("符合条件的邮件共 <strong>22</strong> 封").And.NotContain($"{tag}.sent@");
        unsent.Should().Contain($"{tag}.20@test.example").And.Contain("重新发送").And.NotContain("秘密正文");
        unsent.Should().MatchRegex("<span class=\"count\">[1-9][\\d,]*</span><span>发送失败</span>");
        Positions(unsent, $"{tag}.20@", $"{tag}.19@", $"{tag}.1@").Should().BeInAscendingOrder("the newest first");
        var second = await admin.HtmlAsync($"/Admin/Mail?status=pending,dead&{q}&p=2");
        second.Should().Contain($"{tag}.pending@").And.Contain($"{tag}.0@").And.NotContain($"{tag}.1@");

        var sentOnly = await admin.HtmlAsync($"/Admin/Mail?status=sent&{q}");
        sentOnly.Should().Contain($"{tag}.sent@").And.NotContain($"{tag}.0@").And.Contain("共 <strong>1</strong> 封");
        var byAttempts = await admin.HtmlAsync($"/Admin/Mail?status=dead&{q}&sort=-attempts");
        Positions(byAttempts, $"{tag}.0@", $"{tag}.6@", $"{tag}.5@", $"{tag}.4@").Should().BeInAscendingOrder("tried 8, 7, 6 and 5 times");
        byAttempts.Should().Contain("aria-sort=\"descending\"");
        (await admin.HtmlAsync($"/Admin/Mail?status=sent&q={tag}x")).Should().Contain("没有收件人含").And.Contain("清空收件人");

        var bytes = await admin.Client.GetByteArrayAsync($"/Admin/Mail?handler=Csv&status=&{q}&sort=-attempts");
        bytes.Take(3).Should().Equal(Bom);
        var text = Encoding.UTF8.GetString(bytes);
        text.Should().NotContain("秘密正文", "a mail's body is never exported");
        var csv = Csv.Parse(text);
        csv[0].Fields.Should().StartWith(["状态", "收件人", "收件地址", "主题"]).And.NotContain("正文");
        csv.Skip(1).Should().HaveCount(23);
        csv[1].Fields.Should().StartWith(["发送失败", "收件人", $"{tag}.0@test.example", "测试邮件"]);
        csv[1].Fields[6].Should().Be("8");
        csv[^1].Fields[2].Should().Be($"{tag}.pending@test.example");
        (await admin.HtmlAsync("/Admin/Mail?status=bogus")).Should().Contain("请从列表中选择邮件状态");
    }

    private static DateTime China(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)).AddMinutes(minute), TimeSpan.FromHours(8)).UtcDateTime;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<int> Positions(string html, params Guid[] ids) => Positions(html, ids[0], ids[1], ids[2], "/Finance/Payouts/Details/");

    private static IEnumerable<int> Positions(string html, Guid a, Guid b, Guid c, string prefix) =>
        Positions(html, new[] { a, b, c }.Select(id => prefix + id).ToArray());

    private static IEnumerable<int> Positions(string html, params string[] marks) =>
        marks.Select(m => html.IndexOf(m, StringComparison.Ordinal)).Should().OnlyContain(i => i >= 0).And.Subject;

    private static Task InsertBatchAsync(Npgsql.NpgsqlConnection conn, Guid id, string status, DateTime at, int count, decimal total) =>
        conn.ExecuteAsync("""
            INSERT INTO payout_batches (id, status, origin, requested_at, updated_at, claim_count, total_amount, file_csv)
            VALUES (@id, @status, 'manual', @at, @at, @count, @total, CASE WHEN @status = 'completed' THEN '\x00'::bytea END)
            """, new { id, status, at, count, total });

    private static Task InsertRecoveryAsync(Npgsql.NpgsqlConnection conn, Guid id, Guid claim, string name, string caseNumber, decimal amount,
        DateTime opened, DateTime? settledAt) =>
        conn.ExecuteAsync("""
            INSERT INTO recoveries (id, claim_id, register_row_id, applicant_name, case_number, canonical_case_number, amount, reason, register_row,
                                    opened_at, state, settled_at, method, settled_amount, settlement_ref, note)
            VALUES (@id, @claim, gen_random_uuid(), @name, @caseNumber, @canonical, @amount, '市级资助名录中同一案件', '{}', @opened,
                    CASE WHEN @settledAt::timestamptz IS NULL THEN 'open' ELSE 'settled' END, @settledAt,
                    CASE WHEN @settledAt::timestamptz IS NULL THEN NULL ELSE 'repaid' END,
                    CASE WHEN @settledAt::timestamptz IS NULL THEN NULL ELSE @amount END,
                    CASE WHEN @settledAt::timestamptz IS NULL THEN NULL ELSE '缴款书 1' END,
                    CASE WHEN @settledAt::timestamptz IS NULL THEN NULL ELSE '已退回' END)
            """, new { id, claim, name, caseNumber, canonical = SubsidyService.Domain.Screening.CaseNumber.Canonical(caseNumber), amount, opened, settledAt });

    private static Task InsertMailAsync(Npgsql.NpgsqlConnection conn, Guid id, string address, string status, int attempts, DateTime created) =>
        conn.ExecuteAsync("""
            INSERT INTO outbox_messages (id, message_id, kind, to_address, to_name, subject, body, status, attempts, next_attempt_at,
                                         created_at, sent_at, last_error)
            VALUES (@id, @messageId, 'receipt', @address, '收件人', '测试邮件', '秘密正文：身份证号', @status, @attempts, '2999-01-01', @created,
                    CASE WHEN @status = 'sent' THEN @created END, CASE WHEN @status = 'dead' THEN '550 mailbox unavailable' END)
            """, new { id, messageId = $"{id:N}@test.example", address, status, attempts, created });
}
