namespace SubsidyService.Objections;

/// <summary>
/// Objections arrive as letters and calls typed in by staff, or pasted; a control character (a NUL above all, which
/// PostgreSQL cannot keep in text) is refused naming the field instead of failing the insert.
/// </summary>
public static class ObjectionText
{
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    public static string Refused(string label) => $"{label}含有无法保存的控制字符，请删除后重新填写。";
}
