using MimeKit;

namespace SubsidyService.Notifications;

/// <summary>Sends mail over SMTP. One connection carries many messages, so a sender opens one and sends through it.</summary>
public interface IEmailSender
{
    bool IsConfigured { get; }

    /// <summary>Connects (and signs in, when configured); throws when the server cannot be reached.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken ct);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Returns when the server has accepted the message.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
