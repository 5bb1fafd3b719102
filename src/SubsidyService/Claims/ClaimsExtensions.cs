using Microsoft.AspNetCore.Http.Features;
using SubsidyService.Audit;
using SubsidyService.Claims.Documents;

namespace SubsidyService.Claims;

public static class ClaimsExtensions
{
    public static WebApplicationBuilder AddClaims(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<EventChainVerifier>();
        builder.Services.AddSingleton<WorkflowSettings>();
        builder.Services.AddSingleton<ClaimEvaluator>();
        builder.Services.AddSingleton<SubmissionScreening>();
        builder.Services.AddSingleton<TransitionEffects>();
        builder.Services.AddSingleton<ClaimTransitions>();
        builder.Services.AddSingleton<ClaimIntake>();
        builder.Services.AddSingleton<ClaimReader>();
        builder.Services.AddSingleton<DocumentService>();
        builder.Services.AddSingleton<Registers.RegisterImport>();
        builder.Services.AddSingleton<Notifications.IVerifierQueue, VerifierQueue>();
        // A 10 MB file plus the multipart envelope; larger bodies are cut off before they are read.
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = DocumentService.MaxBytes + 64 * 1024);
        return builder;
    }

    public static WebApplication MapClaims(this WebApplication app)
    {
        app.MapClaimEndpoints();
        app.MapDocumentEndpoints();
        app.MapAuditEndpoints();
        Registers.RegisterEndpoints.MapRegisterEndpoints(app);
        return app;
    }
}
