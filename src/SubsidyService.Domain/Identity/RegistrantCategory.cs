namespace SubsidyService.Domain.Identity;

/// <summary>
/// What a unified social credit code says its holder is (GB 32100: registration authority and category, the
/// first two characters), and where the holder is (the administrative division code). An applicant's kind
/// decides the cap, so it is read from the code rather than taken from the form.
/// </summary>
public enum RegistrantCategory
{
    /// <summary>91: registered by market regulation as an enterprise (企业).</summary>
    Enterprise,

    /// <summary>12: registered by the institutions' authority (事业单位).</summary>
    Institution,

    /// <summary>92: 个体工商户, not a legal person; the operator applies with their own ID number.</summary>
    SoleTrader,

    /// <summary>Anything else: 机关, 社会组织, 农民专业合作社, ….</summary>
    Other,
}

public static class Registrant
{
    public static RegistrantCategory CategoryOf(string creditCode)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        return creditCode.Length < 2 ? RegistrantCategory.Other : creditCode[..2] switch
        {
            "91" => RegistrantCategory.Enterprise,
            "12" => RegistrantCategory.Institution,
            "92" => RegistrantCategory.SoleTrader,
            _ => RegistrantCategory.Other,
        };
    }

    /// <summary>
    /// The six-digit administrative division code an identity number carries: the first six digits of a
    /// resident ID number, characters 3 to 8 of a credit code. Null when the number is too short to hold one.
    /// </summary>
    public static string? RegionCodeOf(string idNumber, bool isCreditCode)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var start = isCreditCode ? 2 : 0;
        return idNumber.Length >= start + 6 ? idNumber.Substring(start, 6) : null;
    }
}
