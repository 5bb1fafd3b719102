using SubsidyService.Kernel;
using SubsidyService.Letters.Signing;

namespace SubsidyService.Letters;

/// <summary>
/// Where the seal's certificate comes from: <c>Letters:SigningCertificateFile</c> (PKCS#12) and
/// <c>Letters:SigningCertificatePassword</c>; in embedded mode, without one, a demo certificate made once beside the
/// cluster's data (<c>.data/letter-seal-demo.pfx</c>), which the verification page names as such. A deployment with
/// a database of its own and no certificate does not start: an unsealed letter is not one the bureau issued.
/// </summary>
public static class LetterSealCertificate
{
    public const string FileKey = "Letters:SigningCertificateFile", PasswordKey = "Letters:SigningCertificatePassword";
    public const string DemoFileName = "letter-seal-demo.pfx";

    public static LetterSeal Load(IConfiguration config, TimeProvider clock)
    {
        if (config[FileKey] is { Length: > 0 } file)
            return LetterSeal.Load(file, config[PasswordKey]);
        // Embedded mode is the absence of a connection string (Data's rule), read here as configuration so that
        // Letters needs nothing of Data.
        if (!string.IsNullOrWhiteSpace(config.GetConnectionString("Subsidy")))
            throw new StartupFailure(
                $"配置项 {FileKey}（环境变量 {FileKey.Replace(":", "__")}）未设置：连接外部数据库运行时，信函须以本机关的电子印章证书（PKCS#12）签章，" +
                $"并以 {PasswordKey.Replace(":", "__")} 给出其密码（docs/operations.md）。");
        var demo = Path.Combine(Path.GetFullPath(config["Embedded:DataDirectory"] is { Length: > 0 } d ? d : ".data"), DemoFileName);
        if (!File.Exists(demo)) CreateDemo(demo, clock.GetUtcNow());
        return LetterSeal.Load(demo, password: null, isDemo: true);
    }

    private static void CreateDemo(string file, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Readable by its owner only from the moment it exists: it holds a private key, demo or not.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(file, options);
            stream.Write(LetterSeal.CreateDemoPkcs12(now));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Made by another node starting at the same time: use that one.
        }
    }
}
