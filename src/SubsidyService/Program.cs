using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Cli;
using SubsidyService.Data;
using SubsidyService.Jobs;
using SubsidyService.Operations;
using SubsidyService.Pages;
using SubsidyService.Policy;
using SubsidyService.Registers;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperations();
builder.AddData();
builder.AddAccounts();
builder.AddIdempotency();
builder.AddJobs();
builder.AddPages();
builder.AddPolicy();
builder.AddAudit();
builder.AddClaims();
builder.AddRegisters();
var app = builder.Build();
await app.StartDatabaseAsync();
await app.SeedPolicyAsync();
if (await app.RunCommandAsync(args)) return;
await app.SeedDemoDataAsync();
app.UseOperations().UseAccounts().UseIdempotency();
app.MapOperations();
app.MapAccounts();
app.MapJobs();
app.MapPolicy();
app.MapAudit();
app.MapClaims();
app.MapRegisters();
app.MapPages();
app.Run();

public partial class Program; // visible to the test host
