using System.Text;

namespace SubsidyService.Operations.OpenApi;

/// <summary>
/// A stable camelCase operationId for clients' generated method names: the endpoint's name when it has one
/// (<c>.WithName</c>), else the method and the route, so that an endpoint keeps its id as long as its route.
/// </summary>
public static class OperationIds
{
    /// <example>GET api/v1/claims/{id:guid}/documents/{documentId} → getClaimsByIdDocumentsByDocumentId</example>
    public static string FromRoute(string httpMethod, string relativePath)
    {
        var id = new StringBuilder(httpMethod.ToLowerInvariant());
        var segments = relativePath.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The version prefix is common to every API operation and says nothing about this one.
        var start = segments.Length >= 2 && segments[0] == "api" && segments[1].StartsWith('v') ? 2 : 0;
        foreach (var segment in segments.Skip(start))
        {
            if (segment.StartsWith('{'))
                id.Append("By").Append(Words(segment.Trim('{', '}').Split(':', '=')[0].TrimStart('*').TrimEnd('?')));
            else
                id.Append(Words(segment));
        }
        return id.ToString();
    }

    /// <summary>An endpoint name as camelCase: <c>GetClaim</c> → <c>getClaim</c>.</summary>
    public static string FromName(string endpointName) => Words(endpointName) is { Length: > 0 } w
        ? char.ToLowerInvariant(w[0]) + w[1..]
        : endpointName;

    /// <summary>"policy-versions" → "PolicyVersions"; "documentId" → "DocumentId".</summary>
    private static string Words(string text)
    {
        var words = new StringBuilder();
        foreach (var part in text.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
            words.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1).ToString().Where(char.IsLetterOrDigit).ToArray());
        return words.ToString();
    }
}
