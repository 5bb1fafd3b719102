using Microsoft.AspNetCore.Authentication.BearerToken;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using SubsidyService.Operations;
using SubsidyService.Jobs;

namespace SubsidyService.Accounts;

public static class AccountsExtensions
{
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string SelectorScheme = "api-or-page";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<AccountList>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<AccountAdministration>();
        builder.Services.AddSingleton<AccountDeletion>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRecurringJob<LoginThrottlePurgeJob>(LoginThrottlePurgeJob.Id, "17 3 * * *");
        builder.Services.Configure<SessionOptions>(builder.Configuration.GetSection("Sessions"));
        var lifetime = builder.Configuration.GetSection("Sessions").Get<SessionOptions>()?.AbsoluteLifetime ?? new SessionOptions().AbsoluteLifetime;
        builder.Services.AddSingleton<DemoSeeder>();

        builder.Services.AddAuthentication(SelectorScheme)
            // The API speaks bearer tokens, the pages cookies; a request to /api never gets a login redirect.
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? BearerScheme : CookieScheme)
            .AddBearerToken(BearerScheme, o => o.BearerTokenExpiration = lifetime)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                // Slides with use; the session row ends it at the absolute lifetime whatever the cookie says.
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                o.Cookie.Name = "subsidy.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        // Token and cookie lifetimes run on the service's clock, like everything else that reads the time.
        builder.Services.AddOptions<BearerTokenOptions>(BearerScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        AddSignInRateLimit(builder);
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

    public const string SignInRateLimit = "sign-in";
    public const string RegistrationRateLimit = "registration";

    /// <summary>
    /// Sign-in and registration per client address (<c>RateLimits:SignInPerMinute</c>, default 60), registration also
    /// per day (<c>RateLimits:RegistrationsPerAddressPerDay</c>, default 20); failed
    /// sign-ins are slowed down further by <see cref="LoginThrottle"/>.
    /// </summary>
    private static void AddSignInRateLimit(WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 60);
        var registrationsPerDay = builder.Configuration.GetValue("RateLimits:RegistrationsPerAddressPerDay", 20);
        builder.Services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPerAddress(SignInRateLimit, perMinute, TimeSpan.FromMinutes(1));
            // Self-registration needs no verification, so each address also opens only so many accounts a day
            // (per node: the limit is in memory); what one account may upload is bounded besides. Showing the form costs nothing.
            o.AddPolicy(RegistrationRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.Get(ClientAddress.Of(http), _ => RateLimiter.CreateChained(
                    new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }),
                    new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = registrationsPerDay, Window = TimeSpan.FromDays(1) })))
                : RateLimitPartition.GetFixedWindowLimiter("form:" + ClientAddress.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    /// <summary>
    /// Who is asking: the token or cookie, checked against the account's current stamp (the client's address was
    /// settled first, by <see cref="SubsidyService.Operations.ReverseProxy"/>).
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseApiLimits();
        app.UseMiddleware<SessionCheck>();
        app.UseMiddleware<PasswordChangeGate>();
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
