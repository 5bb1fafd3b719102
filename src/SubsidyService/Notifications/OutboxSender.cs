using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Npgsql;

namespace SubsidyService.Notifications;

/// <summary>
/// Every node runs one: it sends due outbox rows through one SMTP connection, claiming each row with
/// <c>FOR UPDATE SKIP LOCKED</c> in a transaction of its own that marks it sent once the server has accepted
/// it. A node that dies between the two leaves the row pending (its lock goes with its connection) and the
/// row is sent again with the same Message-Id: delivery is at least once, with at most one repeat per crash.
/// </summary>
public sealed class OutboxSender(
    NpgsqlDataSource db, IEmailSender sender, SmtpOptions smtp, NotificationOptions options, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!sender.IsConfigured)
        {
            logger.LogInformation("Mail is off (no Smtp:Host): messages stay in the outbox and the in-app inbox");
            return;
        }
        // While the server is unreachable, look again less and less often, up to 16 polls apart.
        var maxWait = options.PollInterval * 16 < TimeSpan.FromMinutes(1) ? options.PollInterval * 16 : TimeSpan.FromMinutes(1);
        var wait = options.PollInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var reachable = await SendDueAsync(stop);
                wait = reachable ? options.PollInterval : Min(wait * 2, maxWait);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Most likely the database is away (a restart, a failover): the rows are safe there; try again later.
                logger.LogWarning(ex, "Outbox sender failed; trying again");
                wait = Min(wait * 2, maxWait);
            }
            try
            {
                await Task.Delay(wait, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends until nothing is due.</summary>
    /// <returns>false when the SMTP server could not be reached.</returns>
    private async Task<bool> SendDueAsync(CancellationToken stop)
    {
        IMailConnection? smtpConnection = null;
        try
        {
            while (true)
            {
                await using var conn = await db.OpenConnectionAsync(stop);
                await using var tx = await conn.BeginTransactionAsync(stop);
                var row = await Outbox.ClaimNextDueAsync(conn, tx, clock.GetUtcNow().UtcDateTime);
                if (row is null) return true;

                if (smtpConnection is null)
                {
                    try
                    {
                        smtpConnection = await sender.ConnectAsync(stop);
                    }
                    catch (Exception ex) when (IsServerUnreachable(ex) && !stop.IsCancellationRequested)
                    {
                        logger.LogWarning("SMTP server {Host}:{Port} unreachable: {Error}", smtp.Host, smtp.Port, ex.Message);
                        await Outbox.NoteServerErrorAsync(conn, tx, row.Id, $"无法连接邮件服务器：{ex.Message}");
                        await tx.CommitAsync(CancellationToken.None);
                        return false;
                    }
                }

                try
                {
                    var message = MailMessageBuilder.Build(row, await Outbox.AttachmentsAsync(conn, tx, row.Id), smtp.From);
                    await smtpConnection.SendAsync(message, stop);
                }
                catch (Exception ex) when (IsServerUnreachable(ex) && !stop.IsCancellationRequested)
                {
                    // The connection broke mid-way: the server's trouble, not this message's.
                    logger.LogWarning("SMTP connection lost while sending {MessageId}: {Error}", row.MessageId, ex.Message);
                    await Outbox.NoteServerErrorAsync(conn, tx, row.Id, $"与邮件服务器的连接中断：{ex.Message}");
                    await tx.CommitAsync(CancellationToken.None);
                    return false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("SMTP refused {MessageId} (try {Attempt}): {Error}", row.MessageId, row.Attempts + 1, ex.Message);
                    await Outbox.MarkFailedAsync(conn, tx, row, ex.Message, clock.GetUtcNow().UtcDateTime);
                    await tx.CommitAsync(CancellationToken.None);
                    continue;
                }
                // Accepted by the server: from here the row must be marked even while the node shuts down.
                await Outbox.MarkSentAsync(conn, tx, row.Id, clock.GetUtcNow().UtcDateTime);
                await tx.CommitAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (smtpConnection is not null) await smtpConnection.DisposeAsync();
        }
    }

    /// <summary>Errors of the connection rather than of a message: nothing reached the server, or the link broke.</summary>
    private static bool IsServerUnreachable(Exception ex) => ex is SocketException or IOException or SslHandshakeException
        or AuthenticationException or ServiceNotConnectedException or SmtpProtocolException
        or TimeoutException or OperationCanceledException or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
