using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SubsidyService.Accounts;

public static class AccountsExtensions
{
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string SelectorScheme = "api-or-page";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<DemoSeeder>();

        builder.Services.AddAuthentication(SelectorScheme)
            // The API speaks bearer tokens, the pages cookies; a request to /api never gets a login redirect.
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? BearerScheme : CookieScheme)
            .AddBearerToken(BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Cookie.Name = "subsidy.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        // Token and cookie lifetimes run on the service's clock, like everything else that reads the time.
        builder.Services.AddOptions<BearerTokenOptions>(BearerScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Roles.Verifier, p => p.RequireRole(Roles.Verifier))
            .AddPolicy(Roles.Finance, p => p.RequireRole(Roles.Finance))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        return app;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

public static class DemoDataExtensions
{
    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<SubsidyService.Data.Database>();
        if (!DemoSeeder.ShouldSeed(app.Configuration, db)) return;
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
