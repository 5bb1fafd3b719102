// The tests start PostgreSQL as a Unix user and read Unix file modes: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
