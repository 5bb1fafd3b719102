using MailKit.Net.Smtp;
using MimeKit;

namespace SubsidyService.Notifications;

/// <summary><see cref="IEmailSender"/> over MailKit's SMTP client.</summary>
public sealed class MailKitEmailSender(SmtpOptions options) : IEmailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => options.IsConfigured;

    public async Task<IMailConnection> ConnectAsync(CancellationToken ct)
    {
        if (!options.IsConfigured) throw new InvalidOperationException("SMTP is not configured (Smtp:Host).");
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security, ct);
            if (options.User is not null)
                await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception)
            {
                // The messages are already accepted or already marked failed; a failed QUIT changes nothing.
            }
            client.Dispose();
        }
    }
}
