using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SubsidyService.Claims.Documents;

namespace SubsidyService.Pages;

/// <summary>
/// An upload on the claim page that is larger than the page accepts never reaches the page: the form limit (or
/// Kestrel's body limit) fails the form read, the antiforgery check turns that into a bare 400, and the applicant
/// lands on "请求无效" with no way back. So a post to the claim page's upload handler whose Content-Length is over
/// the page's limit is answered here, before the form is read: the body is read to its end and thrown away (a
/// browser still sending shows a reset instead of the answer otherwise), and the applicant is sent back to the claim
/// with the reason under the file field. Bodies beyond <see cref="DrainLimit"/> are not read: that answer closes the
/// connection.
/// </summary>
public static partial class OversizedUploads
{
    /// <summary>What the claim page reads (its form limit): the file's 10 MB and the form around it.</summary>
    public const long PageLimit = DocumentService.MaxBytes + 2 * 1024 * 1024;

    /// <summary>How much of a refused body is read and dropped so that the browser sees the redirect.</summary>
    public const long DrainLimit = 256L * 1024 * 1024;

    /// <summary>The TempData key the claim page reads the reason from.</summary>
    public const string RefusedKey = "UploadRefused";

    public static string TooLarge => $"文件过大：单个文件不能超过 {DocumentService.MaxBytes / 1024 / 1024} MB，请压缩或拆分后重新上传。";

    public static WebApplication UseOversizedUploadRedirect(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            // Only a signed-in applicant's body is drained: anyone else is refused as the page would refuse them, before
            // a byte of it is read, so nobody can make the node read 256 MB for nothing.
            if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= PageLimit
                || !http.User.IsInRole(SubsidyService.Accounts.Roles.Applicant)
                || !string.Equals(request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase)
                || ClaimPage().Match(request.Path.Value ?? "") is not { Success: true } match)
            {
                await next(http);
                return;
            }

            var back = $"{http.Request.PathBase}/Applicant/Claims/{match.Groups[1].Value}";
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[RefusedKey] = TooLarge;
            tempData.Save();
            if (length <= DrainLimit)
            {
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = DrainLimit;
                try
                {
                    await request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
                {
                    return; // the client went away: nobody to answer
                }
            }
            else
            {
                http.Response.Headers.Connection = "close";
            }
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = back;
        });
        return app;
    }

    [GeneratedRegex("^/Applicant/Claims/([0-9a-fA-F-]{36})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClaimPage();
}
