using System.Security.Cryptography;
using System.Text;
using SubsidyService.Data;

namespace SubsidyService.Audit;

/// <summary>
/// The key that MACs each checkpoint. It never enters the database, so whoever can rewrite the tables cannot
/// forge a checkpoint over what they wrote. <c>Audit:SealKey</c> (base64), else <c>Audit:SealKeyFile</c> (a file
/// holding the base64), else in embedded mode a key generated once beside the embedded cluster's data.
/// </summary>
public sealed class SealKey
{
    public const int MinimumBytes = 32;
    public const string EmbeddedFileName = "audit-seal.key";
    private readonly Lazy<byte[]> _key;
    private readonly Lazy<byte[]> _fingerprintKey;

    public SealKey(IConfiguration configuration, DatabaseOptions database)
    {
        _key = new(() => Load(configuration, database));
        // A key of its own for fingerprints, so that a fingerprint never doubles as a checkpoint MAC.
        _fingerprintKey = new(() => HMACSHA256.HashData(_key.Value, "bank-account-fingerprint"u8));
    }

    public SealKey(byte[] key)
    {
        _key = new(() => key);
        _fingerprintKey = new(() => HMACSHA256.HashData(key, "bank-account-fingerprint"u8));
    }

    /// <summary>Loads the key now, so that a missing or short key stops start-up rather than the first seal.</summary>
    public void EnsureLoaded() => _ = _key.Value;

    public string Mac(string content) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    public bool Verifies(string content, string mac)
    {
        var expected = Encoding.ASCII.GetBytes(Mac(content));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac ?? ""));
    }

    /// <summary>
    /// Stands for a value the event log must not show in clear (a bank account number: auditors see it
    /// masked): equal values have equal fingerprints, and without the key none can be guessed from it.
    /// </summary>
    public string Fingerprint(string value) =>
        "hmac-sha256:" + Convert.ToHexString(HMACSHA256.HashData(_fingerprintKey.Value, Encoding.UTF8.GetBytes(value))).ToLowerInvariant();

    private static byte[] Load(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration["Audit:SealKey"] is { Length: > 0 } inline) return Decode(inline, "Audit:SealKey");
        if (configuration["Audit:SealKeyFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"Audit:SealKeyFile names {file}, which does not exist.");
            return Decode(File.ReadAllText(file), $"Audit:SealKeyFile ({file})");
        }
        if (string.IsNullOrWhiteSpace(database.ConnectionString)) return ReadOrCreate(Path.Combine(database.DataDirectory, EmbeddedFileName));
        throw new InvalidOperationException(
            "The audit seal key is not configured: set Audit__SealKey to a base64 key of at least 32 bytes " +
            "(e.g. `openssl rand -base64 32`) or Audit__SealKeyFile to a file holding one. Keep it out of the database.");
    }

    private static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }
        if (key.Length < MinimumBytes) throw new InvalidOperationException($"{source} is {key.Length} bytes; at least {MinimumBytes} are needed.");
        return key;
    }

    private static byte[] ReadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Readable by its owner only from the moment it exists, not chmod-ed after being written.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (made by an earlier start): keep it, or every earlier checkpoint would fail.
        }
        return Decode(File.ReadAllText(path), path);
    }
}
