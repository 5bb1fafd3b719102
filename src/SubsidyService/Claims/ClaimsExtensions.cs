using SubsidyService.Operations.Metrics;
using SubsidyService.Claims.Triggers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using SubsidyService.Claims.Documents;

namespace SubsidyService.Claims;

public static class ClaimsExtensions
{
    public static WebApplicationBuilder AddClaims(this WebApplicationBuilder builder)
    {
        builder.Services.AddCountGauge("subsidy.claims", "Claims by status", "status",
            SubsidyService.Domain.Kernel.EnumCodes.AllCodes<SubsidyService.Domain.Claims.ClaimStatus>(),
            "SELECT status, count(*) FROM public.claims GROUP BY status");
        builder.Services.AddSingleton<WorkflowSettings>();
        builder.Services.AddSingleton<ClaimRatings>();
        builder.Services.AddSingleton<ClaimEvaluator>();
        builder.Services.AddSingleton<SubmissionScreening>();
        builder.Services.AddSingleton<BulkTransitions>();
        builder.Services.AddHostedService<TriggerDeclarationStartupCheck>();
        // The Claims feature's own effects; the other features register theirs (see Claims/Triggers/TriggerDeclarations.cs).
        builder.Services.AddSingleton(UndertakingText.FromConfiguration);
        builder.Services.AddSingleton<ITransitionEffect, UndertakingEffect>();
        builder.Services.AddSingleton<ITransitionEffect, ScreeningEffect>();
        builder.Services.AddSingleton<ITransitionEffect, ReceiptEffect>();
        builder.Services.AddSingleton<ITransitionEffect, VerificationEffect>();
        builder.Services.AddSingleton<ITransitionEffect, FlagResolutionEffect>();
        builder.Services.AddSingleton<ITransitionEffect, SupplementDefectsEffect>();
        builder.Services.AddSingleton<ITransitionEffect, RejectionReasonEffect>();
        builder.Services.AddSingleton<ITransitionEffect, BankAccountEffect>();
        builder.Services.AddSingleton<ITransitionEffect, DisputeDetailsEffect>();
        builder.Services.AddSingleton<ClaimTransitions>();
        builder.Services.AddSingleton<TransitionAdmission>();
        builder.Services.AddSingleton<ClaimIntake>();
        builder.Services.AddSingleton<ClaimReader>();
        builder.Services.AddSingleton<ClaimSearch>();
        builder.Services.AddSingleton<DocumentService>();
        builder.Services.AddSingleton<UploadBudget>();
        builder.Services.AddSingleton<Operations.Retention.IRetentionPurge>(sp =>
            EvidencePurge.Withdrawn(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<Operations.Retention.IRetentionPurge>(sp =>
            EvidencePurge.Paid(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<SubsidyService.Kernel.IAccountErasure, DraftErasure>();
        builder.Services.AddSingleton<VerifierQueue>();
        builder.Services.AddSingleton<ClaimTotals>();
        builder.Services.AddSingleton<Policy.IClaimsUnderPolicy, ClaimsUnderPolicy>();
        // A 10 MB file plus the multipart envelope; larger bodies are cut off before they are read.
        builder.Services.ConfigureAll<OpenApiOptions>(o => o.AddSchemaTransformer<TriggerDataSchema>());
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = DocumentService.MaxBytes + 64 * 1024);
        return builder;
    }

    public static WebApplication MapClaims(this WebApplication app)
    {
        app.MapClaimEndpoints();
        app.MapDocumentEndpoints();
        return app;
    }
}
