namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// Golden files (Verify is not served here): the expected text lives in Snapshots/ beside the tests;
/// on a mismatch the actual text is written beside it as *.received.* for review and the test fails.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name)
    {
        var dir = Path.Combine(ProjectDirectory(), "Snapshots");
        var expectedPath = Path.Combine(dir, name);
        var receivedPath = Path.Combine(dir, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
        var normalised = actual.Replace("\r\n", "\n");
        if (File.Exists(expectedPath) && File.ReadAllText(expectedPath).Replace("\r\n", "\n") == normalised)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(receivedPath, normalised);
        throw new Xunit.Sdk.XunitException(File.Exists(expectedPath)
            ? $"Snapshot {name} differs: compare {receivedPath} with {expectedPath}, and if the change is right, rename it over the expected file."
            : $"Snapshot {name} has no expected file yet: review {receivedPath} and rename it to {expectedPath}.");
    }

    private static string ProjectDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (d.GetFiles("SubsidyService.Tests.csproj").Length > 0) return d.FullName;
        throw new InvalidOperationException("SubsidyService.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}
