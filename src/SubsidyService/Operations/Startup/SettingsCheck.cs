using SubsidyService.Kernel;
namespace SubsidyService.Operations.Startup;

/// <summary>
/// Checks every configured value against <see cref="Settings.All"/> before the service starts anything (the
/// embedded cluster, the job server), so a wrong value stops start-up with one line naming the key and the form
/// expected, instead of a stack trace later or a 500 on every request.
/// </summary>
public static class SettingsCheck
{
    public static void Validate(IConfiguration configuration)
    {
        foreach (var (path, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var setting = Settings.All.FirstOrDefault(s => s.Matches(path));
            if (setting is null || setting.IsValid(value)) continue;
            throw new StartupFailure(
                $"配置项 {path}（环境变量 {path.Replace(":", "__")}）的值“{value}”无效：应为{setting.Expected}。");
        }
    }
}
