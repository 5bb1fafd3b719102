namespace SubsidyService.Operations;

/// <summary>
/// Where a node finds its pages' static files and its templates. A release (scripts/publish.sh) keeps them beside
/// the program, and systemd starts it from <c>/</c>: the content root is then the program's folder, unless the
/// command line or ASPNETCORE_CONTENTROOT names one. A build from source (no wwwroot beside the program) is left alone.
/// </summary>
public static class ReleaseLayout
{
    public static WebApplicationOptions Options(string[] args)
    {
        var here = AppContext.BaseDirectory;
        var published = Directory.Exists(Path.Combine(here, "wwwroot"));
        var named = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = published && !named ? here : null };
    }
}
