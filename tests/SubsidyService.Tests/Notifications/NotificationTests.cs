using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Hosting;
using SubsidyService.Accounts;
using SubsidyService.Domain.Claims;
using SubsidyService.Notifications;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Payouts;
using SubsidyService.Kernel;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Domain.Kernel;

using Roles = SubsidyService.Accounts.Roles;

namespace SubsidyService.Tests.Notifications;

/// <summary>Messages through the outbox to a real SMTP server (maildev), read back as they arrived.</summary>
public sealed class NotificationTests(NotificationFixture f) : IClassFixture<NotificationFixture>
{
    private SubsidyApp App => f.App;

    // A tiny but real PDF, so that the attachment's bytes can be compared after the round trip.
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task Submitting_sends_the_applicant_one_receipt_with_the_claim_number_and_shows_it_on_the_claim_page()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Applicant);
        var applicant = App.ClientWithToken(await App.TokenAsync(browser.User.Username));
        var claim = await ClaimApi.CreateAsync(applicant);
        await ClaimApi.MustFireAsync(applicant, claim, "submit");

        var mails = await f.Mail.WaitForAsync(browser.User.Email);
        mails.Should().ContainSingle();
        var mail = mails[0];
        var caseNumber = claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;
        Subject(mail).Should().Be($"【补助申请】已收到您的申请（案号 {caseNumber}）");
        var number = (await ClaimApi.GetAsync(applicant, claim.Id())).GetProperty("applicationNumber").GetString()!;
        Text(mail).Should().Contain($"受理编号：{number}").And.Contain("您的专利维权代理费补助申请已提交成功")
            .And.Contain("测算金额：").And.Contain("人民币").And.Contain("审核时限：20 个工作日");
        mail.GetProperty("headers").GetProperty("content-type").GetString().Should().Contain("charset=utf-8");

        var page = await browser.HtmlAsync($"/Applicant/Claims/{claim.Id()}");
        page.Should().Contain("<h2>消息</h2>").And.Contain($"已收到您的申请（案号 {caseNumber}）").And.Contain($"受理编号：{number}");
    }

    [Fact]
    public async Task A_supplement_request_lists_every_defect_in_one_message()
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        claim = await ClaimApi.MustFireAsync(verifier, claim, "start_review");
        string[] defects = ["缺少判决生效证明", "缺少维权代理合同", "发票金额与代理费不符"];
        await ClaimApi.MustFireAsync(verifier, claim, "request_supplement", reason: "请补齐材料后再提交", data: new { defects });

        var mails = await f.Mail.WaitForAsync(user.Email, count: 2);
        mails.Should().HaveCount(2, "the receipt and the supplement request, once each");
        var supplement = mails.Single(m => Subject(m).StartsWith("【补助申请】请补正材料"));
        foreach (var d in defects) Text(supplement).Should().Contain("· " + d);
        Text(supplement).Should().Contain("一次告知").And.Contain("审核意见：请补齐材料后再提交");
    }

    [Fact]
    public async Task A_rejection_gives_the_reason()
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await ClaimApi.MustFireAsync(verifier, claim, "reject", reason: "二审改判，原告败诉", reasonCode: "not_won");

        var mails = await f.Mail.WaitForAsync(user.Email, count: 2);
        mails.Should().HaveCount(2);
        var rejection = mails.Single(m => Subject(m).StartsWith("【补助申请】申请未予通过"));
        Text(rejection).Should().Contain("驳回原因：案件结果不属于胜诉").And.Contain("具体说明：二审改判，原告败诉");
    }

    public static TheoryData<string, string, string, string[]> DirectNotices => new()
    {
        { "reject", "rejected", "【补助申请】申请未予通过", ["驳回原因：同一案件已获其他各级政府同类资助或奖励", "附件：不予补助决定书.pdf"] },
        { "approve", "in_public_notice", "【补助申请】申请已批准", ["核定补助金额：4,000.00 元（人民币肆仟元整）", "公示期至 2026-12-08 止", "附件：补助批准通知书.pdf"] },
        { "payment_succeeded", "paid", "【补助申请】补助资金已拨付", ["补助资金 4,000.00 元（人民币肆仟元整）已于"] },
        { "payment_failed", "payout_failed", "【补助申请】补助资金拨付未成功", ["银行退回原因：账号与户名不符", "开户银行、户名（须与申请人一致）和账号"] },
    };

    [Theory]
    [MemberData(nameof(DirectNotices))]
    public async Task Each_later_message_arrives_once_with_its_wording_and_attachment(string trigger, string to, string subject, string[] body)
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        MailAttachment[] attachments = trigger switch
        {
            "reject" => [new MailAttachment("不予补助决定书.pdf", "application/pdf", Pdf)],
            "approve" => [new MailAttachment("补助批准通知书.pdf", "application/pdf", Pdf)],
            _ => [],
        };
        var batch = Guid.NewGuid();
        ClaimEventData record = trigger switch
        {
            "reject" => new RejectedEvent("duplicate_funding", "同一案件已获其他各级政府同类资助或奖励"),
            "approve" => new ApprovedEvent(new ApprovalRecord(2026, "4000.00", "96000.00", "2026-12-08")),
            "payment_failed" => new PaymentResultEvent(batch, Guid.NewGuid(), "R1", "账号与户名不符", "finance"),
            _ => new PaymentResultEvent(batch, Guid.NewGuid(), "R1", null, "finance"),
        };
        Parse(trigger, out ClaimTrigger t);
        Parse(to, out ClaimStatus target);
        await NotificationFixture.InTransactionAsync(App, async (conn, tx) =>
        {
            var row = (await ClaimStore.FindAsync(conn, claim.Id(), tx))!;
            var (_, evaluation) = await App.Service<ClaimEvaluator>().EvaluateAsync(row, false);
            var context = new TransitionContext(conn, tx, row, Actor.System, t, ClaimStatus.Verified, target, null, null,
                evaluation with { Amount = 4000m }, 5, f.Clock.GetUtcNow().UtcDateTime, null, []) { Record = record };
            context.Attachments.AddRange(attachments);
            (await App.Services.GetServices<ITransitionEffect>().OfType<TransitionMail>().Single().ApplyAsync(context)).Should().BeNull();
            // The effect adds the message to the transition's last batch, which the transition sends with the status and event.
            await context.Writes.RunAsync(conn, tx);
        });

        var mails = await f.Mail.WaitForAsync(user.Email);
        mails.Should().ContainSingle();
        Subject(mails[0]).Should().StartWith(subject);
        foreach (var b in body) Text(mails[0]).Should().Contain(b);
        var files = mails[0].TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
        files.Select(x => x.GetProperty("fileName").GetString()).Should().Equal(attachments.Select(x => x.FileName));
        foreach (var file in files)
            (await f.Mail.AttachmentAsync(mails[0], file.GetProperty("generatedFileName").GetString()!)).Should().Equal(Pdf);
    }

    [Fact]
    public async Task The_verifier_digest_marks_overdue_claims_and_is_sent_once_per_verifier_and_day()
    {
        var (applicant, _) = await App.ClientAsAsync(Roles.Applicant);
        var old = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var fresh = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        // Three weeks back: more than five working days whatever the calendar says.
        await f.ExecuteAsync("UPDATE claims SET submitted_at = submitted_at - interval '21 days' WHERE id = @id", new { id = old.Id() });
        var verifiers = new[] { await App.CreateUserAsync(Roles.Verifier), await App.CreateUserAsync(Roles.Verifier) };

        var digest = App.Service<VerifierDigest>();
        var day = DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        (await digest.SendVerifierDigestsAsync(day)).Should().BeGreaterThanOrEqualTo(2);
        (await digest.SendVerifierDigestsAsync(day)).Should().Be(0, "the day's digests exist already");

        foreach (var v in verifiers)
        {
            var mails = await f.Mail.WaitForAsync(v.Email);
            mails.Should().ContainSingle();
            Subject(mails[0]).Should().StartWith($"【待办汇总】{day:yyyy-MM-dd} 待审核申请");
            var lines = Text(mails[0]).Split('\n');
            lines.Should().Contain(l => l.StartsWith("【超期】" + Case(old)));
            lines.Should().Contain(l => l.StartsWith(Case(fresh)) && l.Contains("已等待 0 个工作日"));
        }
    }

    [Fact]
    public async Task Finance_hears_of_a_completed_batch_with_its_totals_once()
    {
        var finance = await App.CreateUserAsync(Roles.Finance);
        var batch = new BatchSettled(Guid.Parse("2026004a-0000-0000-0000-000000000000"), f.Clock.GetUtcNow().UtcDateTime, 3, 12500m, 2, 9000m, 1, 3500m);
        for (var i = 0; i < 2; i++)
            await NotificationFixture.InTransactionAsync(App, (conn, tx) => App.Service<IPayoutNotices>().BatchSettledAsync(conn, tx, batch));

        var mails = await f.Mail.WaitForAsync(finance.Email);
        mails.Should().ContainSingle();
        Subject(mails[0]).Should().Be("【拨付批次】批次 2026004A 已完成：成功 2 笔，失败 1 笔");
        Text(mails[0]).Should().Contain("合计：3 笔，12,500.00 元").And.Contain("成功：2 笔，9,000.00 元").And.Contain("失败：1 笔，3,500.00 元");
    }

    [Fact]
    public async Task With_the_mail_server_down_messages_wait_and_arrive_once_when_it_is_back()
    {
        var addresses = Enumerable.Range(0, 3).Select(i => $"down{i}.{Guid.NewGuid():N}@test.example").ToList();
        await f.Mail.StopAsync();
        try
        {
            await NotificationFixture.InTransactionAsync(App, async (conn, tx) =>
            {
                foreach (var a in addresses)
                    await App.Service<Outbox>().EnqueueAsync(conn, tx, new OutgoingMail("receipt", a, "测试", "服务器停机时的邮件", "正文", []));
            });
            await NotificationFixture.Eventually(async () => await f.QueryAsync<long>(
                "SELECT count(*) FROM outbox_messages WHERE to_address = ANY(@addresses) AND last_error LIKE '无法连接邮件服务器%'",
                new { addresses }) >= 1, "the sender to find the server down");
            (await f.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE to_address = ANY(@addresses) AND status = 'pending' AND attempts = 0",
                new { addresses })).Should().Be(3, "an unreachable server costs the messages no tries");
        }
        finally
        {
            await f.Mail.StartAsync();
        }
        await NotificationFixture.Eventually(async () => await f.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE to_address = ANY(@addresses) AND status = 'sent'", new { addresses }) == 3,
            "the messages to be sent once the server is back", TimeSpan.FromSeconds(20));
        // A row marked sent is never sent again, so once each has arrived no copy can follow.
        await ArrivedAsync(addresses);
        foreach (var a in addresses) (await f.Mail.EmailsToAsync(a)).Should().ContainSingle(a);
    }

    [Fact]
    public async Task A_node_that_stops_after_the_server_accepted_a_message_causes_at_most_one_repeat_with_the_same_Message_Id()
    {
        // At least once: the row is marked in the transaction that claimed it, after the server said yes.
        // A node lost in between leaves it pending, and another node sends it again, once, as the same message.
        var db = await TestPostgres.CreateMigratedDatabaseAsync();
        var addresses = Enumerable.Range(0, 5).Select(i => $"crash{i}.{Guid.NewGuid():N}@test.example").ToList();
        var hanging = new SenderProbe { HangAfterAccept = true };
        var nodeA = new SubsidyApp(db, settings: f.Mail.Settings(), services: hanging.Install());
        await NotificationFixture.InTransactionAsync(nodeA, async (conn, tx) =>
        {
            foreach (var a in addresses)
                await nodeA.Service<Outbox>().EnqueueAsync(conn, tx, new OutgoingMail("receipt", a, "测试", "崩溃前后的邮件", "正文", []));
        });
        await hanging.Accepted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await nodeA.DisposeAsync();

        var accepted = new List<string>();
        foreach (var a in addresses)
            if ((await f.Mail.EmailsToAsync(a)).Count > 0) accepted.Add(a);
        accepted.Should().ContainSingle("node A stopped right after the server accepted its first message");
        await using (var conn = await TestPostgres.OpenAsync(db))
            (await Dapper.SqlMapper.QuerySingleAsync<long>(conn, "SELECT count(*) FROM outbox_messages WHERE status = 'pending'"))
                .Should().Be(5, "the accepted message was never marked");

        var counting = new SenderProbe();
        await using var nodeB = new SubsidyApp(db, settings: f.Mail.Settings(), services: counting.Install());
        _ = nodeB.Server;
        var copies = await f.Mail.WaitForAsync(accepted[0], count: 2);
        copies.Should().HaveCount(2, "the accepted message is sent once more, not more");
        copies.Select(c => c.GetProperty("messageId").GetString()).Distinct().Should().ContainSingle();
        foreach (var a in addresses.Except(accepted)) (await f.Mail.WaitForAsync(a)).Should().ContainSingle();
        counting.Connections.Should().Be(1, "one SMTP connection carries every due message");
    }

    [Fact]
    public async Task Two_nodes_sending_from_one_outbox_send_each_message_once()
    {
        await using var second = new SubsidyApp(f.ConnectionString, f.Clock, f.Mail.Settings());
        _ = second.Server;
        var addresses = Enumerable.Range(0, 30).Select(i => $"pair{i}.{Guid.NewGuid():N}@test.example").ToList();
        await NotificationFixture.InTransactionAsync(App, async (conn, tx) =>
        {
            foreach (var a in addresses)
                await App.Service<Outbox>().EnqueueAsync(conn, tx, new OutgoingMail("receipt", a, "测试", "两个节点", "正文", []));
        });
        await NotificationFixture.Eventually(async () => await f.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE to_address = ANY(@addresses) AND status = 'sent'", new { addresses }) == 30,
            "every message to be sent");
        await ArrivedAsync(addresses);
        var all = await f.Mail.EmailsAsync();
        foreach (var a in addresses)
            all.Count(m => m.GetProperty("to")[0].GetProperty("address").GetString() == a).Should().Be(1, a);
    }

    [Fact]
    public async Task A_message_the_server_refuses_is_tried_eight_times_then_dead_and_an_admin_can_send_it_again()
    {
        var id = Guid.Empty;
        await NotificationFixture.InTransactionAsync(App, async (conn, tx) =>
            id = (await App.Service<Outbox>().EnqueueAsync(conn, tx, new OutgoingMail("receipt", "不是地址", "测试", "无法投递", "正文", [])))!.Value);
        try
        {
            for (var tries = 1; tries <= Backoff.MaxAttempts; tries++)
            {
                var n = tries;
                await NotificationFixture.Eventually(async () => await f.QueryAsync<int>("SELECT attempts FROM outbox_messages WHERE id = @id", new { id }) >= n,
                    $"try {n}");
                f.Clock.Shift += TimeSpan.FromHours(20); // past any back-off
            }
            (await f.QueryAsync<string>("SELECT status FROM outbox_messages WHERE id = @id", new { id })).Should().Be("dead");
            (await f.QueryAsync<string>("SELECT last_error FROM outbox_messages WHERE id = @id", new { id })).Should().NotBeNullOrEmpty();
        }
        finally
        {
            f.Clock.Shift = TimeSpan.Zero;
        }

        // A dead message with a good address (as after the address was corrected) goes out when resent from the page.
        var address = $"resend.{Guid.NewGuid():N}@test.example";
        await f.ExecuteAsync("UPDATE outbox_messages SET to_address = @address WHERE id = @id", new { id, address });
        var admin = await PageBrowser.SignInAsync(App, Roles.Admin);
        var page = await admin.HtmlAsync("/Admin/Mail");
        page.Should().Contain("发送失败").And.Contain(address).And.Contain("重新发送").And.NotContain("邮件发送未开启");
        var resent = await admin.PostAsync("/Admin/Mail", "/Admin/Mail?handler=Resend", new() { ["id"] = id.ToString() });
        resent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await f.Mail.WaitForAsync(address)).Should().ContainSingle();
    }

    [Fact]
    public async Task Without_SMTP_messages_stay_in_the_outbox_and_the_inbox_and_the_admin_page_says_mail_is_off()
    {
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["Notifications:PollInterval"] = "00:00:00.200" });
        var browser = await PageBrowser.SignInAsync(app, Roles.Applicant);
        var applicant = app.ClientWithToken(await app.TokenAsync(browser.User.Username));
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        // With no SMTP host the sender ends as the node starts; once it has, nothing else touches the row.
        await app.Service<IEnumerable<IHostedService>>().OfType<OutboxSender>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));

        await using (var conn = await TestPostgres.OpenAsync(app.ConnectionString))
        {
            var row = await Dapper.SqlMapper.QuerySingleAsync<(string Status, int Attempts)>(conn,
                "SELECT status, attempts FROM outbox_messages WHERE claim_id = @id", new { id = claim.Id() });
            row.Should().Be(("pending", 0));
        }
        (await browser.HtmlAsync($"/Applicant/Claims/{claim.Id()}")).Should().Contain("已收到您的申请");
        var admin = await PageBrowser.SignInAsync(app, Roles.Admin);
        (await admin.HtmlAsync("/Admin/Mail")).Should().Contain("邮件发送未开启").And.Contain(browser.User.Email);
    }

    private static string Subject(JsonElement mail) => mail.GetProperty("subject").GetString()!;
    private static string Text(JsonElement mail) => mail.GetProperty("text").GetString()!.Replace("\r\n", "\n");
    private static string Case(JsonElement claim) => claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;

    private static void Parse<T>(string code, out T value) where T : struct, Enum =>
        SubsidyService.Domain.Kernel.EnumCodes.TryParse(code, out value).Should().BeTrue(code);

    private Task ArrivedAsync(IReadOnlyList<string> addresses) =>
        NotificationFixture.Eventually(async () =>
        {
            var all = await f.Mail.EmailsAsync();
            return addresses.All(a => all.Any(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == a)));
        }, "every message to arrive at the server");
}
