namespace SubsidyService.Data;

/// <summary>Says at start-up, every time, that the key ring is stored unencrypted because no certificate is configured.</summary>
public sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("DataProtection:CertificateFile is not set: the key ring that protects cookies and tokens is stored " +
                          "in the database unencrypted. Set it (the same PKCS#12 file on every node) in production.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
