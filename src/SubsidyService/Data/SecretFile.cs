namespace SubsidyService.Data;

/// <summary>
/// Writes a secret readable by its owner only, from the first byte: a file created with the default mode and
/// chmod-ed afterwards is readable by everyone in between.
/// </summary>
public static class SecretFile
{
    public static async Task WriteAsync(string path, string text, CancellationToken ct = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
