using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// Debian's nginx terminating TLS with a self-signed certificate and publishing a node under a path prefix, as a
/// county's web server would (the site in deploy/ is the model): it passes the client's address, the scheme and the
/// prefix on in X-Forwarded-* headers.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    public int Port { get; }
    public string Prefix { get; }

    private NginxProxy(Process process, string folder, int port, string prefix)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Prefix = prefix;
    }

    public Uri PublicUrl => new($"https://localhost:{Port}{Prefix}");

    public static async Task<NginxProxy> StartAsync(int port, Uri upstream, string prefix)
    {
        var folder = Directory.CreateTempSubdirectory("nginx-").FullName;
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"));
        // As root, nginx hands its workers to "nobody", who must still read and write the folder's files.
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 64; }
            http {
              access_log {{folder}}/access.log;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              client_max_body_size 30m;
              server {
                listen 127.0.0.1:{{port}} ssl;
                server_name localhost;
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                location {{prefix}}/ {
                  proxy_pass {{upstream.ToString().TrimEnd('/')}}/;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_set_header X-Forwarded-Prefix {{prefix}};
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")])
            { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var proxy = new NginxProxy(process, folder, port, prefix);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx stopped: " + await process.StandardError.ReadToEndAsync() + proxy.ErrorLog());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException("nginx did not listen: " + proxy.ErrorLog());
    }

    /// <summary>
    /// A client that trusts the test certificate, connects from <paramref name="from"/> (any 127.x address is this
    /// machine, so the client's address differs from the proxy's own) and sends absolute paths under the prefix.
    /// </summary>
    public HttpClient Client(IPAddress from, string? bearer = null, bool followRedirects = true)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(new UnderPrefix(Prefix) { InnerHandler = sockets })
            { BaseAddress = new Uri($"https://localhost:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    public string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await error}");
    }

    /// <summary>The service's own helpers send "/api/…"; through the proxy that is "/subsidy/api/…".</summary>
    private sealed class UnderPrefix(string prefix) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
        {
            var uri = request.RequestUri!;
            if (!uri.AbsolutePath.StartsWith(prefix + "/", StringComparison.Ordinal))
                request.RequestUri = new UriBuilder(uri) { Path = prefix + uri.AbsolutePath }.Uri;
            return base.SendAsync(request, token);
        }
    }
}
