using System.Diagnostics;

namespace SubsidyService.Letters.Tests;

/// <summary>Reads PDFs back with poppler-utils (and QR codes with zbar-tools), as a person's tools would.</summary>
public static class Poppler
{
    /// <summary>pdftotext's reading of the PDF (with -layout: the page as laid out).</summary>
    public static string Text(byte[] pdf, bool layout = false) =>
        WithFile(pdf, path => Run("pdftotext", layout ? ["-layout", "-enc", "UTF-8", path, "-"] : ["-enc", "UTF-8", path, "-"]));

    /// <summary>pdffonts' table, one row per font: name, type, encoding, embedded, subset, unicode map.</summary>
    public static IReadOnlyList<string> Fonts(byte[] pdf) =>
        WithFile(pdf, path => Run("pdffonts", [path])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    /// <summary>pdfsig's report of the signatures: whether each is valid and covers the whole file.</summary>
    public static string Signatures(byte[] pdf) => WithFile(pdf, path => Run("pdfsig", [path], acceptExitCodes: [0, 1, 2, 3, 4]));

    public static int Pages(byte[] pdf)
    {
        var info = WithFile(pdf, path => Run("pdfinfo", [path]));
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The QR codes zbarimg finds on a page rendered at 150 dpi.</summary>
    public static IReadOnlyList<string> QrCodes(byte[] pdf, int page)
    {
        var dir = Directory.CreateTempSubdirectory("letter-qr-");
        try
        {
            var pdfPath = Path.Combine(dir.FullName, "letter.pdf");
            File.WriteAllBytes(pdfPath, pdf);
            var prefix = Path.Combine(dir.FullName, "page");
            Run("pdftoppm", ["-png", "-r", "150", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdfPath, prefix]);
            var output = Run("zbarimg", ["-q", "--raw", "-Sqrcode.enable", prefix + ".png"], acceptExitCodes: [0, 4]);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static T WithFile<T>(byte[] pdf, Func<string, T> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return read(path); }
        finally { File.Delete(path); }
    }

    private static string Run(string program, IReadOnlyList<string> arguments, int[]? acceptExitCodes = null)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (!(acceptExitCodes ?? [0]).Contains(process.ExitCode))
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
