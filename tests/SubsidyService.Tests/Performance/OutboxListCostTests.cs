using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Notifications;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Performance;

/// <summary>
/// The outbox keeps every mail sent, so it grows with the claims: the admin's mail page counts each status and
/// its list only up to 10,000 and one more, reading them from the status index, and says "10,000+".
/// </summary>
public sealed class OutboxListCostTests
{
    [Fact]
    public async Task The_mail_page_counts_a_large_outbox_only_up_to_the_cap()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs);
        await using var conn = await TestPostgres.OpenAsync(cs);
        await conn.ExecuteAsync("""
            INSERT INTO outbox_messages (id, message_id, kind, to_address, to_name, subject, body, status, next_attempt_at, created_at, sent_at)
            SELECT gen_random_uuid(), 'm' || g || '@test', 'receipt', 'a' || g || '@example.cn', '申请人' || g, '【补助申请】已收到', '正文',
                   CASE WHEN g % 1000 = 0 THEN 'dead' ELSE 'sent' END, now(), now() - g * interval '1 second', now()
            FROM generate_series(1, 30000) AS g;
            ANALYZE outbox_messages;
            """, commandTimeout: 120);

        var counts = await Outbox.CountsAsync(conn);
        counts["sent"].Should().Be(10_001, "counting stops one past the cap");
        counts["dead"].Should().Be(30, "a status under the cap is counted exactly");
        counts.Should().NotContainKey("pending");

        var plan = await conn.QuerySingleAsync<string>("EXPLAIN (FORMAT JSON) " + Outbox.CountsSql, new { statuses = OutboxFilter.AllStatuses.ToArray() });
        plan.Should().NotContain("\"Seq Scan\"", "each status is read from outbox_messages_status_created");

        var admin = await PageBrowser.SignInAsync(app, Roles.Admin);
        var sent = await admin.HtmlAsync("/Admin/Mail?status=sent");
        sent.Should().Contain("符合条件的邮件共 <strong>10,000+</strong> 封").And.Contain("10,000+</span><span>已发送");
        sent.Should().Contain("下一页", "a capped list always offers the next page");
        (await admin.HtmlAsync("/Admin/Mail?status=dead")).Should().Contain("符合条件的邮件共 <strong>30</strong> 封");
    }
}
