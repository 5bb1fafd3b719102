using System.Globalization;
using Hangfire.Dashboard;

namespace SubsidyService.Jobs.Dashboard;

/// <summary>
/// The job dashboard in Chinese: the request's culture is zh-CN under its path (Hangfire renders its pages in the
/// current UI culture), its missing strings are supplied (<see cref="SupplementedStrings"/>), and a script in its
/// bundle sets the browser-side dates to moment's zh-cn with the service's date format.
/// </summary>
public static class ChineseDashboard
{
    /// <summary>zh-CN with the dates the service's pages write (2026年12月5日 14:30:05), not .NET's 2026/12/5.</summary>
    public static readonly CultureInfo Culture = CreateCulture();

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("zh-CN").Clone();
        culture.DateTimeFormat.ShortDatePattern = "yyyy年M月d日";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        culture.DateTimeFormat.ShortTimePattern = "HH:mm";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The script's name in this assembly (see the project file).</summary>
    public const string ScriptResource = "jobs/dashboard-zh.js";

    private static readonly Lock Gate = new();
    private static bool scriptAdded;

    public static void Install()
    {
        SupplementedStrings.Install();
        lock (Gate)
        {
            // The bundle is process-wide; adding the script again would run it twice in every page.
            if (scriptAdded) return;
            DashboardRoutes.AddJavaScript(typeof(ChineseDashboard).Assembly, ScriptResource);
            scriptAdded = true;
        }
    }

    /// <summary>Runs the rest of the request in zh-CN; the previous culture comes back when it returns.</summary>
    public static async Task InChineseAsync(HttpContext http, RequestDelegate next)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
        try
        {
            await next(http);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
