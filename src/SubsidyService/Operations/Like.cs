namespace SubsidyService.Operations;

/// <summary>LIKE patterns from typed text.</summary>
public static class Like
{
    /// <summary>Text typed with % or _ looks for those characters, not for any text; used as '%' || @x || '%'.</summary>
    public static string Escape(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
