using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Cli;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class CommandLineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(fixture.App.Services, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Users_add_creates_a_staff_account_that_can_log_in()
    {
        var (code, output, _) = await RunAsync("users", "add", "--username", "chen.verifier", "--role", "verifier",
            "--password", "Verifier-pass-1", "--email", "chen@bureau.example");
        code.Should().Be(0);
        output.Should().Contain("chen.verifier");
        (await fixture.App.Service<UserStore>().FindByUsernameAsync("chen.verifier"))!.Role.Should().Be(Roles.Verifier);
        (await fixture.App.TokenAsync("chen.verifier", "Verifier-pass-1")).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Users_add_refuses_the_applicant_role_and_weak_passwords()
    {
        (await RunAsync("users", "add", "--username", "x.applicant", "--role", "applicant", "--password", "Good-pass-123", "--email", "x@e.cn")).Code.Should().Be(2);
        var weak = await RunAsync("users", "add", "--username", "x.finance", "--role", "finance", "--password", "short", "--email", "x@e.cn");
        weak.Code.Should().Be(1);
        weak.Err.Should().Contain("--password");
        (await fixture.App.Service<UserStore>().FindByUsernameAsync("x.finance")).Should().BeNull();
    }

    [Fact]
    public async Task Demo_accounts_are_not_seeded_on_a_configured_database()
    {
        (await fixture.App.Service<UserStore>().FindByUsernameAsync("finance.demo")).Should().BeNull();
    }
}
