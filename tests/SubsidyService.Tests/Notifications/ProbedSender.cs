using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using SubsidyService.Notifications;

namespace SubsidyService.Tests.Notifications;

/// <summary>
/// What a test wants to know about, or do to, a node's real sender: how many SMTP connections it opened,
/// and (when armed) whether to stop dead after the server accepted a message, before the outbox row is
/// marked, as a node that crashes at that moment would.
/// </summary>
public sealed class SenderProbe
{
    private int _connections;
    public int Connections => _connections;
    public bool HangAfterAccept { get; init; }
    public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Connected() => Interlocked.Increment(ref _connections);

    /// <summary>Puts the probe around the node's MailKit sender.</summary>
    public Action<IServiceCollection> Install() => services =>
    {
        services.AddSingleton<MailKitEmailSender>();
        services.Replace(ServiceDescriptor.Singleton<IEmailSender>(sp => new ProbedSender(sp.GetRequiredService<MailKitEmailSender>(), this)));
    };

    private sealed class ProbedSender(IEmailSender inner, SenderProbe probe) : IEmailSender
    {
        public bool IsConfigured => inner.IsConfigured;

        public async Task<IMailConnection> ConnectAsync(CancellationToken ct)
        {
            var connection = await inner.ConnectAsync(ct);
            probe.Connected();
            return new Connection(connection, probe);
        }
    }

    private sealed class Connection(IMailConnection inner, SenderProbe probe) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            await inner.SendAsync(message, ct);
            if (!probe.HangAfterAccept) return;
            probe.Accepted.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct); // until the node is stopped
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
