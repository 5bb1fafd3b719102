using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace SubsidyService.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process. When several nodes share a process (the tests), the
/// node whose logging it uses may already be gone; its messages are then dropped instead of failing the caller.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
