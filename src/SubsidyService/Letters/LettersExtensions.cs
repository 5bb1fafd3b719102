using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SubsidyService.Operations;

namespace SubsidyService.Letters;

/// <summary>Configuration of letters: section <c>Letters</c>; the templates folder is <c>Templates:Directory</c>.</summary>
public sealed class LetterOptions
{
    /// <summary>What precedes 〔year〕 in a letter number (县知补〔2026〕第0001号).</summary>
    public string NumberPrefix { get; set; } = "县知补";

    public string CjkFontFile { get; set; } = LetterFontFiles.Debian.CjkFontFile;

    public string LatinFontFile { get; set; } = LetterFontFiles.Debian.LatinFontFile;
}

public static class LettersExtensions
{
    /// <summary>Numbering, rendering, issuing and exporting letters.</summary>
    public static WebApplicationBuilder AddLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LetterNumbering>();
        builder.Services.AddLetterRendering();
        builder.Services.AddSingleton(sp => LetterSealCertificate.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<LetterSealCheck>();
        builder.Services.AddSingleton<LetterDrafting>();
        builder.Services.AddSingleton<LetterIssuer>();
        builder.Services.AddSingleton<Claims.Triggers.ITransitionEffect, RecoveryNoticeEffect>();
        builder.Services.AddSingleton<LetterExport>();
        return builder;
    }

    public static WebApplication MapLetters(this WebApplication app)
    {
        app.MapLetterEndpoints();
        return app;
    }

    /// <summary>
    /// Verifying a letter needs no login: each client address may ask <c>RateLimits:LetterVerifyPerMinute</c>
    /// (default 20) times a minute, API and page together, so codes cannot be tried in bulk.
    /// </summary>
    public const string VerifyRateLimit = "letter-verify";

    /// <summary>
    /// Registers <see cref="LetterRenderer"/> (a singleton) and checks at start-up that the templates load and the
    /// fonts open, so a bad template stops the service instead of a letter.
    /// </summary>
    public static IServiceCollection AddLetterRendering(this IServiceCollection services)
    {
        services.AddOptions<LetterOptions>().BindConfiguration("Letters");
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath;
            var directory = LetterTemplates.ResolveDirectory(configuration["Templates:Directory"] ?? "templates", contentRoot);
            return LetterTemplates.Load(directory);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LetterOptions>>().Value;
            return new LetterRenderer(sp.GetRequiredService<LetterTemplates>(), new LetterFontFiles(options.CjkFontFile, options.LatinFontFile));
        });
        services.AddHostedService<LetterRenderingCheck>();
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
            o.AddPerAddress(VerifyRateLimit, config.GetValue("RateLimits:LetterVerifyPerMinute", 20), TimeSpan.FromMinutes(1)));
        return services;
    }

    /// <summary>
    /// Loads the seal while the host starts (not when the builder is made), so that a command such as <c>migrate</c>
    /// runs without the certificate and a web node without one stops before it serves.
    /// </summary>
    private sealed class LetterSealCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<Signing.LetterSeal>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Builds the renderer while the host starts, so its errors stop the start.</summary>
    private sealed class LetterRenderingCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<LetterRenderer>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
