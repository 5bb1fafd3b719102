using System.Net;
using System.Net.Sockets;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>Where the checkout is, and a free loopback port for a process a test starts.</summary>
public static class TestMachine
{
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SubsidyService.sln"))) return d.FullName;
        throw new InvalidOperationException("SubsidyService.sln not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
