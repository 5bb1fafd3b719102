using SubsidyService.Accounts;
using SubsidyService.Kernel;

namespace SubsidyService.Cli;

/// <summary>Subcommands run instead of the web server: <c>users add|list</c> (and <c>migrate</c>: <see cref="MigrateCommand"/>).</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage:
          SubsidyService users add --username U --role verifier|finance|auditor|admin --email E [--password P] [--name "显示名"]
            (without --password, the password is read from standard input)
          SubsidyService users list
          SubsidyService migrate
            (applies the database migrations with ConnectionStrings__SubsidyMigrations, the schema owner's, and exits)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "users";

    /// <returns>true when the arguments named a subcommand, which has then run instead of the web server.</returns>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (!IsCommand(args)) return false;
        Environment.ExitCode = await RunAsync(app.Services, args, Console.Out, Console.Error);
        await app.DisposeAsync();
        return true;
    }

    /// <param name="stdin">Where the password is read when <c>--password</c> is left out, so that it stays out of the shell's history.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        if (args.Length >= 2 && args[1] == "list")
        {
            foreach (var u in await services.GetRequiredService<UserStore>().ListAsync())
                await stdout.WriteLineAsync($"{u.Role,-10} {u.Username,-24} {u.Email}");
            return 0;
        }
        if (args.Length < 2 || args[1] != "add")
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        var options = ParseOptions(args.Skip(2).ToArray());
        if (options is null)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        var role = options.GetValueOrDefault("role") ?? "";
        if (!Roles.Staff.Contains(role))
        {
            await stderr.WriteLineAsync($"--role must be one of: {string.Join(", ", Roles.Staff)}");
            return 2;
        }
        var username = options.GetValueOrDefault("username");
        var password = options.GetValueOrDefault("password");
        if (password is null)
        {
            if (!Console.IsInputRedirected && stdin is null) await stderr.WriteAsync("Password: ");
            password = (await (stdin ?? Console.In).ReadLineAsync())?.TrimEnd('\r', '\n');
        }
        var result = await services.GetRequiredService<AccountService>().CreateAsync(
            username, password, options.GetValueOrDefault("email"),
            options.GetValueOrDefault("name") ?? username, role);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Refusal!.FieldErrors)
                await stderr.WriteLineAsync($"--{(field == "displayName" ? "name" : field)}: {string.Join(" ", messages)}");
            return 1;
        }
        await stdout.WriteLineAsync($"Added {role} '{result.Value!.Username}'.");
        return 0;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            result[args[i][2..]] = args[i + 1];
        }
        return result;
    }
}
