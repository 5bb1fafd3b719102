using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using SubsidyService.Claims.Documents;

namespace SubsidyService.Claims;

public static class ClaimsExtensions
{
    public static WebApplicationBuilder AddClaims(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkflowSettings>();
        builder.Services.AddSingleton<ClaimEvaluator>();
        builder.Services.AddSingleton<SubmissionScreening>();
        builder.Services.AddSingleton<TransitionEffects>();
        builder.Services.AddSingleton<ClaimTransitions>();
        builder.Services.AddSingleton<TransitionAdmission>();
        builder.Services.AddSingleton<ClaimIntake>();
        builder.Services.AddSingleton<ClaimReader>();
        builder.Services.AddSingleton<ClaimSearch>();
        builder.Services.AddSingleton<DocumentService>();
        builder.Services.AddSingleton<Notifications.IVerifierQueue, VerifierQueue>();
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
