using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SubsidyService.Notifications;

/// <summary>
/// Whether the mail server takes a connection. Mail waits in the outbox while it is away, so this degrades the
/// node's readiness (someone should look) and never takes it out of service.
/// </summary>
public sealed class SmtpHealthCheck(SmtpOptions smtp) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!smtp.IsConfigured) return HealthCheckResult.Healthy("mail off");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"smtp {smtp.Host}:{smtp.Port} unreachable");
        }
    }
}
