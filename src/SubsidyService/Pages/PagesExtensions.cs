using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.WebEncoders;
using SubsidyService.Accounts;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages;

public static class PagesExtensions
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            // Each role's pages sit in a folder of that name; the folder decides who may enter.
            foreach (var role in Roles.All)
                o.Conventions.AuthorizeFolder("/" + char.ToUpperInvariant(role[0]) + role[1..], role);
        });
        // Chinese text from the model is written as characters, not as &#x…; entities (HTML-special
        // characters are still escaped).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // The form token's cookie is Secure whenever the page came over HTTPS (behind a proxy: as the proxy says); its default is never.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddWorkingDayCalendar();
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.UseErrorPages();
        app.UseOversizedUploadRedirect();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Where a signed-in person starts.</summary>
    public static string HomeOf(string? role) => role switch
    {
        Roles.Applicant => "~/Applicant",
        Roles.Verifier => "~/Verifier",
        Roles.Finance => "~/Finance",
        Roles.Auditor => "~/Auditor",
        Roles.Admin => "~/Admin",
        _ => "/",
    };
}
