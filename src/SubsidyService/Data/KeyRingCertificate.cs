using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SubsidyService.Data;

/// <summary>
/// The certificate that encrypts the Data Protection key ring in the database, so that a copy of the database
/// alone cannot forge cookies or tokens. From configuration (<c>DataProtection:CertificateFile</c>, a PKCS#12
/// file, and <c>DataProtection:CertificatePassword</c>); the embedded mode makes one on first start beside its
/// data directory, readable by the service's user only. Every node of a deployment must use the same file.
/// </summary>
public static class KeyRingCertificate
{
    public const string FileName = "keyring-certificate.pfx";

    public static X509Certificate2? Load(IConfiguration config, DatabaseOptions database)
    {
        var file = config["DataProtection:CertificateFile"];
        var password = config["DataProtection:CertificatePassword"];
        if (string.IsNullOrWhiteSpace(file))
        {
            // With a database of its own the key ring would lie there in clear, and a copy of the database could
            // forge any cookie or token: refused unless someone says in so many words that this is wanted.
            if (!string.IsNullOrWhiteSpace(database.ConnectionString))
                return config.GetValue("DataProtection:AllowUnencryptedKeyRing", false)
                    ? null
                    : throw new Kernel.StartupFailure(
                        "DataProtection:CertificateFile (DataProtection__CertificateFile) is not set: with an external database the key ring " +
                        "must be encrypted by a PKCS#12 certificate file, the same on every node (docs/operations.md); " +
                        "DataProtection__AllowUnencryptedKeyRing=true runs without one.");
            file = Path.Combine(Path.GetFullPath(database.DataDirectory), FileName);
            if (!File.Exists(file)) Create(file);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>A self-signed certificate: it encrypts keys, it vouches for nobody.</summary>
    public static void Create(string file, string? password = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=SubsidyService key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Fixed validity: nothing checks it when decrypting keys, and the service's clock has no say here.
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(file, options);
        stream.Write(cert.Export(X509ContentType.Pfx, password));
    }
}
