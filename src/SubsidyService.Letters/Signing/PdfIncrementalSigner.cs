using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SubsidyService.Letters.Signing;

/// <summary>
/// Seals a PDF as PAdES does: the original bytes stay as they are and an incremental update is appended, holding a
/// signature dictionary (/Adobe.PPKLite, /ETSI.CAdES.detached), an invisible signature field on the first page and
/// the catalog's new AcroForm; then a detached SHA-256 CMS over everything but the signature's own /Contents is
/// written into the space reserved for it. Any reader (pdfsig, Acrobat) can then tell whether a byte was changed.
/// </summary>
internal static class PdfIncrementalSigner
{
    /// <summary>
    /// Room left in /Contents beyond the signature's measured size, in hex digits: an ECDSA signature's DER length
    /// varies by a few bytes, RSA's not at all.
    /// </summary>
    private const int ContentsMargin = 256;

    /// <summary>Width of each /ByteRange number, padded with spaces, so the dictionary is written before the numbers are known.</summary>
    private const int ByteRangeWidth = 10;

    private const string FieldName = "电子印章";

    public static byte[] Sign(byte[] pdf, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey) throw new ArgumentException("the seal's certificate has no private key", nameof(certificate));

        // The reserved space is the signature's own size (measured by signing nothing with the same certificate and
        // attributes) and a margin, not a fixed 8 KB: a letter must stay within 40 KB, and a CMS's length does not
        // depend on what it signs.
        var contentsDigits = Cms([0], certificate, signingTime).Length * 2 + ContentsMargin;
        var reader = new PdfObjectReader(pdf);
        var page = reader.FirstPage();
        var field = new PdfReference(reader.Size, 0);
        var signature = new PdfReference(reader.Size + 1, 0);

        var update = new MemoryStream(contentsDigits + 2048);
        if (pdf[^1] is not (byte)'\n' and not (byte)'\r') Write(update, "\n");
        var offsets = new SortedDictionary<int, (long Offset, int Generation)>();

        void Object(PdfReference reference, string body)
        {
            offsets[reference.Number] = (pdf.Length + update.Length, reference.Generation);
            Write(update, $"{reference.Number} {reference.Generation} obj\n{body}\nendobj\n");
        }

        Object(reader.Root, WithAcroForm(reader.Dictionary(reader.Root), field));
        Object(page, WithAnnotation(reader.Dictionary(page), field));
        Object(field, $"<</Type /Annot /Subtype /Widget /FT /Sig /T {PdfText(FieldName)} /V {signature} /F 132 /Rect [0 0 0 0] /P {page}>>");

        offsets[signature.Number] = (pdf.Length + update.Length, 0);
        Write(update, $"{signature.Number} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M {PdfDate(signingTime)} /ByteRange ");
        var byteRangeAt = pdf.Length + update.Length;
        Write(update, $"[0 {Blank()} {Blank()} {Blank()}] /Contents ");
        var contentsAt = pdf.Length + update.Length;
        Write(update, "<" + new string('0', contentsDigits) + ">");
        var contentsEnd = pdf.Length + update.Length;
        Write(update, ">>\nendobj\n");

        var xrefAt = pdf.Length + update.Length;
        Write(update, "xref\n");
        foreach (var (number, (offset, generation)) in offsets)
            Write(update, $"{number} 1\n{offset:D10} {generation:D5} n\r\n");
        var trailer = new StringBuilder($"<</Size {reader.Size + 2} /Root {reader.Root}");
        if (reader.Info is { } info) trailer.Append($" /Info {info}");
        if (reader.Id is { } id) trailer.Append(' ').Append(id);
        trailer.Append($" /Prev {reader.StartXref}>>");
        Write(update, $"trailer\n{trailer}\nstartxref\n{xrefAt}\n%%EOF\n");

        var sealedPdf = new byte[pdf.Length + update.Length];
        pdf.CopyTo(sealedPdf, 0);
        update.GetBuffer().AsSpan(0, (int)update.Length).CopyTo(sealedPdf.AsSpan(pdf.Length));

        var byteRange = $"[0 {Padded(contentsAt)} {Padded(contentsEnd)} {Padded(sealedPdf.Length - contentsEnd)}]";
        Encoding.ASCII.GetBytes(byteRange).CopyTo(sealedPdf, byteRangeAt);

        var signed = new byte[contentsAt + (sealedPdf.Length - contentsEnd)];
        sealedPdf.AsSpan(0, (int)contentsAt).CopyTo(signed);
        sealedPdf.AsSpan((int)contentsEnd).CopyTo(signed.AsSpan((int)contentsAt));
        var hex = Convert.ToHexStringLower(Cms(signed, certificate, signingTime));
        if (hex.Length > contentsDigits)
            throw new InvalidOperationException($"the signature needs {hex.Length} hex digits, {contentsDigits} were reserved");
        Encoding.ASCII.GetBytes(hex).CopyTo(sealedPdf, contentsAt + 1);
        return sealedPdf;
    }

    /// <summary>
    /// The detached CMS: SHA-256, the signer's certificate included (a reader needs no other source), the signing
    /// time, and ESS signing-certificate-v2 binding the certificate into what is signed, as CAdES requires.
    /// </summary>
    private static byte[] Cms(byte[] signed, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>RFC 5035's SigningCertificateV2 with one ESSCertIDv2 (SHA-256 is its default, so no algorithm is written).</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return new AsnEncodedData(new Oid("1.2.840.113549.1.9.16.2.47"), writer.Encode());
    }

    private static string WithAcroForm(string catalog, PdfReference field)
    {
        if (catalog.Contains("/AcroForm", StringComparison.Ordinal))
            throw new NotSupportedException("This PDF cannot be sealed: it already has a form.");
        return catalog[..^2].TrimEnd() + $" /AcroForm <</Fields [{field}] /SigFlags 3>>>>";
    }

    private static string WithAnnotation(string page, PdfReference field)
    {
        var annots = page.IndexOf("/Annots", StringComparison.Ordinal);
        if (annots < 0) return page[..^2].TrimEnd() + $" /Annots [{field}]>>";
        var open = page.IndexOf('[', annots);
        if (open < 0 || page[(annots + "/Annots".Length)..open].Trim().Length > 0)
            throw new NotSupportedException("This PDF cannot be sealed: the first page's /Annots is not an array in place.");
        return page[..(open + 1)] + field + " " + page[(open + 1)..];
    }

    private static string Blank() => new(' ', ByteRangeWidth);

    private static string Padded(long value) => value.ToString(CultureInfo.InvariantCulture).PadRight(ByteRangeWidth);

    /// <summary>A PDF date in UTC: D:YYYYMMDDHHmmSSZ.</summary>
    private static string PdfDate(DateTimeOffset at) => "(D:" + at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z)";

    /// <summary>A text string any reader shows as written: UTF-16BE with its byte-order mark, in hex.</summary>
    private static string PdfText(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static void Write(Stream stream, string ascii) => stream.Write(Encoding.Latin1.GetBytes(ascii));
}
