using SubsidyService.Letters.Signing;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>The letters' seal certificate of this test run (a self-signed one, no password), made once beside the run's database.</summary>
public static class TestLetterSeal
{
    private static readonly Lazy<string> Path = new(() =>
    {
        var file = System.IO.Path.Combine(TestPostgres.RunRoot, "letter-seal", $"{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllBytes(file, LetterSeal.CreateDemoPkcs12(DateTimeOffset.UtcNow));
        return file;
    });

    public static string File => Path.Value;
}
