using SubsidyService.Kernel;
using Microsoft.Extensions.Options;

namespace SubsidyService.Operations.Startup;

/// <summary>
/// What the process does with an exception nothing caught: one line on standard error (the reason, for a
/// failure an operator can fix; else the exception in full after it) and exit code 1 — not an abort with a core
/// dump. Exiting runs the process-exit handlers, which stop an embedded cluster this start had begun.
/// </summary>
public static class StartupExit
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.Error.WriteLine(Describe(e.ExceptionObject as Exception));
            Console.Error.Flush();
            Environment.Exit(1);
        };
    }

    public static string Describe(Exception? exception) => Unwrap(exception) switch
    {
        StartupFailure f => f.Message,
        OptionsValidationException o => "配置错误：" + string.Join("；", o.Failures),
        null => "SubsidyService stopped on an unknown error.",
        var other => $"SubsidyService stopped: {other.GetType().Name}: {other.Message}{Environment.NewLine}{other}",
    };

    private static Exception? Unwrap(Exception? e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerException;
        return e;
    }
}
