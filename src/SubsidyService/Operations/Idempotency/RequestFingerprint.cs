using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// SHA-256 over what makes two requests "the same": method, path, query, content type and body bytes.
/// The body is buffered and rewound, so the endpoint still reads it from the start.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var boundary = MultipartBoundary(request.ContentType, out var mediaType);
        // A separator that cannot occur in a path, query or header keeps "a"+"bc" apart from "ab"+"c".
        foreach (var part in new[] { request.Method, (request.PathBase + request.Path).Value ?? "", request.QueryString.Value ?? "", mediaType })
            AppendLine(hash, part);

        request.EnableBuffering();
        if (boundary is null || !await TryAppendSectionsAsync(request.Body, boundary, hash, ct))
        {
            request.Body.Position = 0;
            await AppendAsync(hash, request.Body, ct);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Clients choose a new random boundary for every multipart request, retries included; hashing
    /// without it lets a retried upload of the same parts count as the same request.
    /// </summary>
    private static string? MultipartBoundary(string? contentType, out string withoutBoundary)
    {
        withoutBoundary = contentType ?? "";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            return null;
        var boundary = HeaderUtilities.RemoveQuotes(parsed.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        parsed.Boundary = null; // removes the parameter
        withoutBoundary = parsed.ToString();
        return boundary;
    }

    /// <returns>false when the body is not well-formed multipart; the raw bytes are hashed instead.</returns>
    private static async Task<bool> TryAppendSectionsAsync(Stream body, string boundary, IncrementalHash hash, CancellationToken ct)
    {
        try
        {
            var reader = new MultipartReader(boundary, body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                foreach (var (name, value) in (section.Headers ?? []).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
                    AppendLine(hash, $"{name.ToLowerInvariant()}: {value}");
                AppendLine(hash, "");
                await AppendAsync(hash, section.Body, ct);
                AppendLine(hash, "");
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return false;
        }
    }

    private static void AppendLine(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData("\n"u8);
    }

    private static async Task AppendAsync(IncrementalHash hash, Stream stream, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            hash.AppendData(buffer, 0, read);
    }
}
