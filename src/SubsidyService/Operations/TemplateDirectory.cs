namespace SubsidyService.Operations;

/// <summary>
/// Where <c>Templates:Directory</c> (default <c>templates</c>) is: as given when absolute; otherwise under the
/// content root or the nearest folder above it that has it, so that the checkout's top-level
/// <c>templates/</c> is found from <c>src/SubsidyService</c> (tests, <c>dotnet run</c>) as well.
/// </summary>
public static class TemplateDirectory
{
    public static string Resolve(IConfiguration config, string contentRoot)
    {
        var configured = config["Templates:Directory"] is { Length: > 0 } d ? d : "templates";
        if (Path.IsPathRooted(configured)) return configured;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"找不到模板目录“{configured}”（Templates:Directory），已在 {contentRoot} 及其上级目录中查找。");
    }
}
