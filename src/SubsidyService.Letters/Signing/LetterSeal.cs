using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SubsidyService.Letters.Signing;

/// <summary>
/// The authority's electronic seal: a certificate with its private key that signs each rendered letter
/// (<see cref="PdfIncrementalSigner"/>). The signing time is given, never read from a clock, so the renderer's
/// project stays free of one.
/// </summary>
public sealed class LetterSeal : IDisposable
{
    /// <summary>The subject of the certificate embedded mode makes for itself: it says what it is on its face.</summary>
    public const string DemoSubject = "CN=演示用电子印章（非正式）";

    public LetterSeal(X509Certificate2 certificate, bool isDemo)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey) throw new ArgumentException("the seal's certificate has no private key", nameof(certificate));
        Certificate = certificate;
        IsDemo = isDemo;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Whether this is the demo seal of embedded mode, which vouches for nobody.</summary>
    public bool IsDemo { get; }

    /// <summary>The PDF with the seal appended as an incremental update; the bytes before it are the original's.</summary>
    public byte[] Seal(byte[] pdf, DateTimeOffset signingTime) => PdfIncrementalSigner.Sign(pdf, Certificate, signingTime);

    /// <summary>Reads a PKCS#12 file holding the certificate and its private key.</summary>
    public static LetterSeal Load(string file, string? password, bool isDemo = false) =>
        new(X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet), isDemo);

    /// <summary>
    /// A self-signed 2048-bit RSA certificate for demonstrations, as PKCS#12 bytes: letters signed with it verify as
    /// unmodified, but no reader trusts who signed them.
    /// </summary>
    public static byte[] CreateDemoPkcs12(DateTimeOffset now, string? password = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(DemoSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    public void Dispose() => Certificate.Dispose();
}
