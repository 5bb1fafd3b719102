namespace SubsidyService.Domain.Screening;

/// <summary>
/// POLICY.md: the administrative division code an identity number carries, against the county's own codes.
/// People move and companies re-register, so a number from elsewhere is a question for the verifier (who
/// checks the household or registration certificate), never a refusal; with no codes configured, no question.
/// </summary>
public static class DomicileScreening
{
    public static ScreeningFinding? Screen(string idNumber, bool isCreditCode, IReadOnlyCollection<string> countyCodes)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(countyCodes);
        if (countyCodes.Count == 0)
            return null;
        var region = Identity.Registrant.RegionCodeOf(idNumber, isCreditCode);
        if (region is not null && countyCodes.Contains(region))
            return null;
        return new ScreeningFinding(ScreeningCode.DomicileUnverified, false,
            $"证件号码中的行政区划代码（{region ?? "无"}）不是本县的代码：请审核人核实户籍或注册地证明", null, null);
    }
}
