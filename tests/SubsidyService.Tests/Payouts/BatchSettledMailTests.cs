using System.Net;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;
using Roles = SubsidyService.Accounts.Roles;

namespace SubsidyService.Tests.Payouts;

/// <summary>A node with a real SMTP server: the batch's last bank answer tells finance, once.</summary>
public sealed class BatchSettledMailFixture : IAsyncLifetime
{
    public MailDev Mail { get; } = new();
    public SubsidyApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mail.StartAsync();
        var settings = new Dictionary<string, string?>(PayoutSetup.Settings);
        foreach (var (key, value) in Mail.Settings()) settings[key] = value;
        App = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: settings);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class BatchSettledMailTests(BatchSettledMailFixture f) : IClassFixture<BatchSettledMailFixture>
{
    [Fact]
    public async Task Finance_hears_once_when_the_bank_has_answered_every_payment_of_a_batch()
    {
        var s = await PayoutSetup.StartAsync(f.App);
        var watcher = await f.App.CreateUserAsync(Roles.Finance);
        await s.ReadyClaimsAsync(2);
        var batch = await s.RunBatchThroughApiAsync();
        var batchId = batch.GetProperty("id").GetGuid();
        var lines = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).ToList();
        lines.Should().HaveCount(3);

        // The first file answers two payments of three: no mail yet.
        (await s.PostResultsAsync(batchId, PayoutSetup.Results(lines.Take(2), "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await s.PostResultsAsync(batchId, PayoutSetup.Results(lines.Skip(2), "failed"))).StatusCode.Should().Be(HttpStatusCode.OK);
        // The same last answer again settles nothing new and sends nothing new.
        (await s.PostResultsAsync(batchId, PayoutSetup.Results(lines.Skip(2), "failed"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var mails = await f.Mail.WaitForAsync(watcher.Email);
        mails.Should().ContainSingle();
        var subject = mails[0].GetProperty("subject").GetString();
        subject.Should().Be($"【拨付批次】批次 {batchId.ToString("N")[..8].ToUpperInvariant()} 已完成：成功 2 笔，失败 1 笔");
        var text = mails[0].GetProperty("text").GetString();
        var total = lines.Sum(l => decimal.Parse(l[4], System.Globalization.CultureInfo.InvariantCulture));
        text.Should().Contain($"合计：3 笔，{total:#,##0.00} 元");
    }
}
