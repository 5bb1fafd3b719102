using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SubsidyService.Bench;

/// <summary>What the figures were measured on, and which commit of the code.</summary>
public sealed record Machine(int LogicalCores, string Cpu, string Os, string Runtime, string Architecture, string Configuration, string? GitCommit, bool? GitDirty)
{
    public static Machine Describe(string repositoryRoot) => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        Git(repositoryRoot, "rev-parse", "HEAD"),
        Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no") is { } status ? status.Length > 0 : null);

    /// <summary>The folder holding SubsidyService.sln, above the harness's build output.</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SubsidyService.sln"))) return d.FullName;
        throw new InvalidOperationException("SubsidyService.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the figures only mean something next to how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim() ?? "unknown";
        }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    /// <summary>Git's answer, trimmed; null when git is missing or the folder is no checkout.</summary>
    private static string? Git(string directory, params string[] arguments)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in arguments) psi.ArgumentList.Add(a);
            using var git = Process.Start(psi)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            return git.WaitForExit(10_000) && git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
