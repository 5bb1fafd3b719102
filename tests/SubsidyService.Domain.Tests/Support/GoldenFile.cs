namespace SubsidyService.Domain.Tests.Support;

/// <summary>
/// Compares text with a file kept in the source tree. On a mismatch it writes <c>name.received.ext</c>
/// beside the golden file, so the diff can be reviewed and, if right, copied over it.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string fileName, string actual)
    {
        var folder = Path.Combine(FindProjectFolder(), "Golden");
        var goldenPath = Path.Combine(folder, fileName);
        var receivedPath = Path.Combine(folder,
            Path.GetFileNameWithoutExtension(fileName) + ".received" + Path.GetExtension(fileName));

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath))
                File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var what = expected is null ? "does not exist" : "differs from the generated text";
        Assert.Fail($"Golden file {goldenPath} {what}. The generated text is in {receivedPath}; " +
                    "review it and, if it is right, copy it over the golden file.");
    }

    /// <summary>The committed golden file's text, with "\n" line endings.</summary>
    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(FindProjectFolder(), "Golden", fileName)).ReplaceLineEndings("\n");

    /// <summary>The test project's source folder: walk up from the build output until the .csproj is found.</summary>
    private static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SubsidyService.Domain.Tests.csproj")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"SubsidyService.Domain.Tests.csproj not found above {AppContext.BaseDirectory}");
    }
}
