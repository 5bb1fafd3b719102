using MailKit.Security;
using MimeKit;

namespace SubsidyService.Notifications;

/// <summary>
/// <c>Smtp:Host</c>, <c>Port</c>, <c>From</c>, <c>Security</c> (none, STARTTLS or SSL), <c>User</c>, <c>Password</c>.
/// Without a host, mail is off: messages wait in the outbox and show in the service's own inbox.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; init; }
    public int Port { get; init; }
    public string From { get; init; } = "";
    public SecureSocketOptions Security { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The domain our Message-Ids end in: the sender's, so that they are unique to this service.</summary>
    public string MessageIdDomain =>
        IsConfigured && MailboxAddress.TryParse(From, out var from) && from.Domain is { Length: > 0 } d ? d : "subsidy-service.localhost";

    public static SmtpOptions Read(IConfiguration config)
    {
        var section = config.GetSection("Smtp");
        var host = section["Host"];
        if (string.IsNullOrWhiteSpace(host)) return new SmtpOptions();

        var security = (section["Security"] ?? "STARTTLS").Trim().ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
            var other => throw new InvalidOperationException($"Smtp:Security 应为 none、STARTTLS 或 SSL，而不是“{other}”。"),
        };
        var port = section["Port"] is { Length: > 0 } p
            ? int.TryParse(p, out var n) && n is > 0 and < 65536 ? n : throw new InvalidOperationException($"Smtp:Port 应为 1 至 65535 的整数，而不是“{p}”。")
            : security switch { SecureSocketOptions.SslOnConnect => 465, SecureSocketOptions.StartTls => 587, _ => 25 };
        var from = section["From"];
        if (string.IsNullOrWhiteSpace(from) || !MailboxAddress.TryParse(from, out _))
            throw new InvalidOperationException("配置了 Smtp:Host 时须同时配置发件人 Smtp:From（如“补助办理 <subsidy@bureau.example>”）。");
        return new SmtpOptions
        {
            Host = host.Trim(), Port = port, From = from.Trim(), Security = security,
            User = section["User"] is { Length: > 0 } u ? u : null, Password = section["Password"],
        };
    }
}
