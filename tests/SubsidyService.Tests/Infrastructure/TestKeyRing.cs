using SubsidyService.Data;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>The key-ring certificate of this test run, made once beside the run's database.</summary>
public static class TestKeyRing
{
    private static readonly Lazy<string> Path = new(() =>
    {
        var file = System.IO.Path.Combine(TestPostgres.RunRoot, "keyring", $"{Guid.NewGuid():N}.pfx");
        KeyRingCertificate.Create(file);
        return file;
    });

    public static string File => Path.Value;
}
