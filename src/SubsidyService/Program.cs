using SubsidyService.Accounts;
using SubsidyService.Approval;
using SubsidyService.Claims;
using SubsidyService.Cli;
using SubsidyService.Data;
using SubsidyService.Operations;
using SubsidyService.Pages;
using SubsidyService.Payouts;
using SubsidyService.Policy;
using SubsidyService.Recoveries;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperations();
builder.AddData();
builder.AddAccounts();
builder.AddIdempotency();
builder.AddPages();
builder.AddPolicy();
builder.AddClaims();
builder.AddApproval();
builder.AddPayouts();
builder.AddRecoveries();

var app = builder.Build();
await app.StartDatabaseAsync();
await app.SeedPolicyAsync();
if (CommandLine.IsCommand(args))
{
    Environment.ExitCode = await CommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
    await app.DisposeAsync();
    return;
}
await app.SeedDemoDataAsync();
await app.SeedDemoBudgetAsync();

app.UseOperations();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotency();
app.MapOperations();
app.MapAccountEndpoints();
app.MapPolicy();
app.MapClaims();
app.MapApproval();
app.MapPayouts();
app.MapRecoveries();
app.MapRazorPages();
app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
