namespace SubsidyService.Claims.Documents;

/// <summary>
/// What a file really is, judged by its first bytes and never by its name or declared type: an
/// executable renamed to .pdf is still an executable.
/// </summary>
public static class FileSignature
{
    private static readonly (byte[] Magic, string ContentType, string Extension)[] Known =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
    ];

    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, type, ext) in Known)
            if (head.StartsWith(magic)) return (type, ext);
        return null;
    }

    /// <summary>
    /// A name safe to show and to put in a Content-Disposition header: no directories, no control or
    /// reserved characters, at most 100 characters, ending in the extension of what the file really is.
    /// </summary>
    public static string SafeName(string? given, string extension)
    {
        var name = Path.GetFileName((given ?? "").Replace('\\', '/'));
        var stem = Path.GetFileNameWithoutExtension(name);
        var cleaned = new string(stem.Where(c => !char.IsControl(c) && "<>:\"/\\|?*;".IndexOf(c) < 0).ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0) cleaned = "document";
        if (cleaned.Length > 100 - extension.Length) cleaned = cleaned[..(100 - extension.Length)];
        return cleaned + extension;
    }
}
