using SubsidyService.Accounts;
using SubsidyService.Approval;
using SubsidyService.Audit;
using SubsidyService.Bars;
using SubsidyService.Budgets;
using SubsidyService.Calendar;
using SubsidyService.Claims;
using SubsidyService.Cli;
using SubsidyService.Data;
using SubsidyService.Jobs;
using SubsidyService.Operations.Retention;
using SubsidyService.Letters;
using SubsidyService.Notifications;
using SubsidyService.Objections;
using SubsidyService.Operations;
using SubsidyService.Pages;
using SubsidyService.Payouts;
using SubsidyService.Policy;
using SubsidyService.Recoveries;
using SubsidyService.Registers;
using SubsidyService.Reports;

var builder = WebApplication.CreateBuilder(ReleaseLayout.Options(args));
// Under systemd (Type=notify) the unit learns when the node is ready and logs go to the journal; elsewhere this does nothing.
builder.Host.UseSystemd();
// Each feature registers itself; the order is the one they depend on.
builder.AddOperations().AddData().AddAccounts().AddIdempotency().AddJobs().AddRetention().AddPages().AddPolicy().AddAudit();
builder.AddClaims().AddRegisters().AddBudgets().AddLetters().AddApproval().AddNotifications().AddPayouts().AddRecoveries().AddBars().AddCalendar().AddObjections().AddReports();
var app = builder.Build();
if (await app.RunMigrateCommandAsync(args)) return;
await app.StartDatabaseAsync();
await app.GuardPayoutsAfterRestoreAsync();
await app.SeedPolicyAsync();
if (await app.RunCommandAsync(args)) return;
await app.SeedDemoDataAsync();
app.UseOperations().UseAccounts().UseIdempotency();
app.MapOperations().MapAccounts().MapJobs().MapPolicy().MapAudit().MapClaims();
app.MapRegisters().MapBudgets().MapLetters().MapNotifications().MapPayouts().MapRecoveries().MapBars().MapCalendar().MapObjections().MapReports().MapPages();
app.Run();

public partial class Program; // visible to the test host
