namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// Golden files (Verify is not served here): the expected text is committed in Snapshots/ beside the tests and
/// never written by a test. On a mismatch the actual text is written beside it as *.received.* (git ignores
/// those) for review, and the test fails; a missing expected file fails the same way.
/// </summary>
public static class Snapshot
{
    public static string Folder { get; } = Path.Combine(ProjectDirectory(), "Snapshots");

    public static void Match(string actual, string name) => Match(actual, name, Folder);

    /// <param name="directory">Where the expected file is (tests of this helper use a directory of their own).</param>
    public static void Match(string actual, string name, string directory)
    {
        var expectedPath = Path.Combine(directory, name);
        var receivedPath = ReceivedPath(directory, name);
        var normalised = actual.Replace("\r\n", "\n");
        if (File.Exists(expectedPath) && File.ReadAllText(expectedPath).Replace("\r\n", "\n") == normalised)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalised);
        throw new Xunit.Sdk.XunitException(File.Exists(expectedPath)
            ? $"Snapshot {name} differs: compare {receivedPath} with {expectedPath}, and if the change is right, rename it over the expected file."
            : $"Snapshot {name} has no expected file: review {receivedPath} and rename it to {expectedPath}.");
    }

    /// <summary>name.txt → name.received.txt, a name .gitignore keeps out of commits.</summary>
    public static string ReceivedPath(string directory, string name) =>
        Path.Combine(directory, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));

    private static string ProjectDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (d.GetFiles("*.Tests.csproj").Length > 0) return d.FullName;
        throw new InvalidOperationException("no test project file above " + AppContext.BaseDirectory);
    }
}
