using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Letters;

public static class LetterEndpoints
{
    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/claims/{id:guid}/letter", async (Guid id, ClaimsPrincipal user, NpgsqlDataSource db) =>
        {
            var actor = Actor.From(user);
            await using var conn = await db.OpenConnectionAsync();
            var claim = await ClaimStore.FindAsync(conn, id);
            if (claim is null || (!actor.IsStaff && claim.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
            var current = await LetterStore.CurrentAsync(conn, id);
            if (current is not { } c) return Refusal.NotFound("该申请的决定书");
            return Results.File(c.Pdf, "application/pdf", FileNameOf(c.Letter));
        })
        .WithTags("Letters")
        .RequireAuthorization()
        .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("The claim's current approval letter or rejection notice (PDF)");

        app.MapGet("/api/v1/letters/{number}/verify", async (string number, [FromQuery] string? sha256, [FromQuery] string? code,
                NpgsqlDataSource db) =>
        {
            var errors = LetterVerifier.Check(number, sha256, code);
            if (errors.Count > 0) return Refusal.Validation(errors);
            return Results.Ok(await LetterVerifier.VerifyAsync(db, number, sha256, code));
        })
        .WithTags("Letters")
        .AllowAnonymous()
        .RequireRateLimiting(LettersExtensions.VerifyRateLimit)
        .Produces<LetterVerification>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithSummary("Whether a letter is genuine and in force, given its number and its SHA-256 or the code printed under its QR code");

        app.MapGet("/api/v1/letters/export", async (HttpContext http, ClaimsPrincipal user, LetterExport export,
                [FromQuery] string? from, [FromQuery] string? to) =>
        {
            var (range, problem) = DateRange.Parse(from, to);
            if (problem is not null) return problem;
            await export.WriteZipAsync(http, Actor.From(user), range!);
            return Results.Empty;
        })
        .WithTags("Letters")
        .RequireAuthorization(Roles.Auditor)
        .Produces(StatusCodes.Status200OK, contentType: "application/zip")
        .ProducesValidationProblem()
        .WithSummary("A ZIP of the letters issued in the range (China dates, inclusive) with register.csv and register.xlsx");
    }

    public static string FileNameOf(LetterRecord letter) => FileNameOf(letter.Kind, letter.Number);

    public static string FileNameOf(string kind, string number) => kind switch
    {
        LetterIssuer.Approval => "补助核准通知书-",
        LetterIssuer.RecoveryNotice => "追回告知书-",
        _ => "不予补助告知书-",
    } + number + ".pdf";
}
