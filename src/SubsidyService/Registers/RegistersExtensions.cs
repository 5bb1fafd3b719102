namespace SubsidyService.Registers;

/// <summary>Other-level funding registers: imported by verifiers, screened against live claims.</summary>
public static class RegistersExtensions
{
    public static WebApplicationBuilder AddRegisters(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegisterImport>();
        builder.Services.AddSingleton<Claims.IFundingRegister, FundingRegister>();
        return builder;
    }

    public static WebApplication MapRegisters(this WebApplication app)
    {
        app.MapRegisterEndpoints();
        return app;
    }
}
