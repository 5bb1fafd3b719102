using System.Text.Json;

namespace SubsidyService.Operations.Idempotency;

/// <summary>Turns an answer into what is kept for its key, and a kept answer back into a response.</summary>
public static class StoredResponse
{
    /// <summary>Headers that are part of the answer itself; the rest (dates, trace ids) belong to each delivery.</summary>
    public static readonly IReadOnlyList<string> KeptHeaders = ["Location"];

    /// <summary>
    /// Only settled answers are kept: 2xx, and 4xx that would be the same on a retry. A 409 or 429 says
    /// "not now", a 5xx says "we failed": a retry must be allowed to run again.
    /// </summary>
    public static bool IsKept(int status) =>
        status is >= 200 and < 300 || (status is >= 400 and < 500 && status is not 409 and not 429);

    public static CapturedResponse Capture(HttpResponse response, MemoryStream body)
    {
        var headers = new Dictionary<string, string>();
        foreach (var name in KeptHeaders)
            if (response.Headers.TryGetValue(name, out var value)) headers[name] = value.ToString();
        return new CapturedResponse(response.StatusCode, response.ContentType, headers, body.ToArray());
    }

    public static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = record.ResponseStatus ?? StatusCodes.Status200OK;
        if (record.ResponseContentType is not null) response.ContentType = record.ResponseContentType;
        if (record.ResponseHeaders is not null)
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(record.ResponseHeaders) ?? [])
                response.Headers[name] = value;
        response.Headers[IdempotencyKey.ReplayedHeader] = "true";

        // An empty first answer got its body from the status-code pages on the way out; leaving
        // Content-Length unset lets them do the same for the replay.
        var body = record.ResponseBody ?? [];
        if (body.Length == 0) return;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
