namespace SubsidyService.Policy;

/// <summary>
/// The benchmark's floor for the estimate: an endpoint on the same host, behind the same middleware and the same
/// rate-limit policy, that reads the request body and answers bytes set beforehand (the estimate's own answer, which
/// the benchmark first fetches), with no parsing, validation, policy lookup or evaluation. The estimate's throughput
/// over this one is the share of the framework's ceiling that the estimate's own work leaves.
/// Mapped only when <c>Bench:FloorEndpoint=true</c> (the benchmark sets it); never in a deployment.
/// </summary>
public static class EstimateFloor
{
    public const string Path = "/api/v1/bench/estimate-floor";

    public static void MapEstimateFloor(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Bench:FloorEndpoint", false)) return;
        var answer = Array.Empty<byte>();

        app.MapPut(Path, async (HttpContext http) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer);
                Volatile.Write(ref answer, buffer.ToArray());
                return Results.NoContent();
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost(Path, async (HttpContext http) =>
            {
                // The estimate reads the whole body too; only what it does with it is left out.
                await http.Request.Body.CopyToAsync(Stream.Null);
                return Results.Bytes(Volatile.Read(ref answer), "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .RequireRateLimiting(EstimateRateLimit.PolicyName)
            .ExcludeFromDescription();
    }
}
