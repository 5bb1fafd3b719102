using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace SubsidyService.BrowserTests;

/// <summary>
/// The SMTP server the journey's service sends to: maildev (installed by test.sh under .tools/maildev) on free
/// loopback ports, read back through its REST API as a person would read the mailbox.
/// </summary>
public sealed class MailDevProcess : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _mailDirectory;
    private Process? _process;

    public int SmtpPort { get; } = TestMachine.FreePort();
    public int WebPort { get; } = TestMachine.FreePort();

    private MailDevProcess(string mailDirectory)
    {
        _mailDirectory = mailDirectory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The service's settings (environment form) that send its mail here.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = SmtpPort.ToString(),
        ["Smtp__From"] = "补助办理 <subsidy@bureau.example>",
        ["Smtp__Security"] = "none",
        ["Notifications__PollInterval"] = "00:00:00.500",
    };

    public static async Task<MailDevProcess> StartAsync(string runRoot)
    {
        var mail = new MailDevProcess(Path.Combine(runRoot, "maildev-" + Guid.NewGuid().ToString("N")[..8]));
        var bin = Path.Combine(TestMachine.RepositoryRoot(), ".tools", "maildev", "node_modules", ".bin", "maildev");
        if (!File.Exists(bin)) throw new FileNotFoundException("maildev is missing: run ./test.sh once (it installs maildev@2.2.1)", bin);
        Directory.CreateDirectory(mail._mailDirectory);
        var psi = new ProcessStartInfo(bin) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--smtp", mail.SmtpPort.ToString(), "--web", mail.WebPort.ToString(), "--ip", "127.0.0.1", "--mail-directory", mail._mailDirectory, "--silent" })
            psi.ArgumentList.Add(a);
        mail._process = Process.Start(psi)!;
        mail._process.OutputDataReceived += (_, _) => { };
        mail._process.ErrorDataReceived += (_, _) => { };
        mail._process.BeginOutputReadLine();
        mail._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (mail._process.HasExited) throw new InvalidOperationException($"maildev exited with {mail._process.ExitCode}");
            try
            {
                if ((await mail._http.GetAsync("/email")).IsSuccessStatusCode) return mail;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("maildev did not start");
    }

    /// <summary>The subjects of the mails to <paramref name="address"/>, once at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<string>> SubjectsToAsync(string address, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<string> subjects = [];
        while (DateTime.UtcNow < deadline)
        {
            var json = await _http.GetStringAsync("/email");
            subjects = JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Where(e => e.GetProperty("to").EnumerateArray()
                    .Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                .Select(e => e.GetProperty("subject").GetString() ?? "").ToList();
            if (subjects.Count >= count) return subjects;
            await Task.Delay(250);
        }
        return subjects;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _http.Dispose();
        try { Directory.Delete(_mailDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
