using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: maildev (installed by test.sh under .tools/maildev) on free loopback
/// ports, read back through its REST API. Stopping and starting it again on the same ports is how a test
/// takes the mail server away and brings it back; mails it has received are kept in its own folder.
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly string _mailDirectory = Path.Combine(TestPostgres.RunRoot, "maildev-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HttpClient _http;
    private Process? _process;

    public int SmtpPort { get; } = TestMachine.FreePort();
    public int WebPort { get; } = TestMachine.FreePort();

    public MailDev() => _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The settings that point the service at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(),
        ["Smtp:From"] = "补助办理 <subsidy@bureau.example>",
        ["Smtp:Security"] = "none",
        ["Notifications:PollInterval"] = "00:00:00.200",
    };

    public async Task StartAsync()
    {
        var bin = Path.Combine(TestMachine.RepositoryRoot(), ".tools", "maildev", "node_modules", ".bin", "maildev");
        if (!File.Exists(bin)) throw new FileNotFoundException("maildev is missing: run ./test.sh once (it installs maildev@2.2.1)", bin);
        Directory.CreateDirectory(_mailDirectory);
        var psi = new ProcessStartInfo(bin) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", "127.0.0.1", "--mail-directory", _mailDirectory, "--silent" })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"maildev exited with {_process.ExitCode}");
            try
            {
                if ((await _http.GetAsync("/email")).IsSuccessStatusCode && SmtpAnswers()) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("maildev did not start");
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every mail received, as maildev's <c>GET /email</c> gives them.</summary>
    public async Task<IReadOnlyList<JsonElement>> EmailsAsync()
    {
        var json = await _http.GetStringAsync("/email");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public async Task<IReadOnlyList<JsonElement>> EmailsToAsync(string address) =>
        (await EmailsAsync()).Where(e => e.GetProperty("to").EnumerateArray()
            .Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> mails to the address have arrived, then a little longer to see that no more come.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if ((await EmailsToAsync(address)).Count >= count) break;
            await Task.Delay(100);
        }
        await Task.Delay(600); // three poll intervals: a duplicate would have been sent by now
        return await EmailsToAsync(address);
    }

    public async Task<byte[]> AttachmentAsync(JsonElement email, string generatedFileName) =>
        await _http.GetByteArrayAsync($"/email/{email.GetProperty("id").GetString()}/attachment/{Uri.EscapeDataString(generatedFileName)}");

    private bool SmtpAnswers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try { Directory.Delete(_mailDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
