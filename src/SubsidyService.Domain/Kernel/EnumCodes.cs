using System.Text;

namespace SubsidyService.Domain.Kernel;

/// <summary>The API's snake_case codes for enum members: NaturalPerson ↔ natural_person.</summary>
public static class EnumCodes
{
    public static string ToCode<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    /// <summary>Exact codes only: "NaturalPerson", "Natural_Person" or a number are unknown values, not aliases.</summary>
    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> AllCodes<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(ToCode).ToArray();
}
