using System.Text.Json;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// What a trigger carries in <c>data</c>: one record per trigger that carries anything. The API reads it from
/// the body by the trigger's name (<see cref="Read"/>); the pages, imports and jobs build it directly. Its shape
/// is checked when it is read; what it means for this claim (a fee base above the declared one, a flag that is
/// not open) is checked when the trigger is fired. The event keeps the record as it is serialized.
/// </summary>
public abstract record TriggerData
{
    /// <summary>The triggers a caller of the API may send data with, and the record each one reads.</summary>
    public static readonly IReadOnlyDictionary<ClaimTrigger, Type> FromClients = new Dictionary<ClaimTrigger, Type>
    {
        [ClaimTrigger.RequestSupplement] = typeof(SupplementRequestData),
        [ClaimTrigger.ResolveScreening] = typeof(ScreeningResolutionData),
        [ClaimTrigger.Verify] = typeof(VerifyData),
        [ClaimTrigger.CorrectBankAccount] = typeof(BankAccountCorrectionData),
        [ClaimTrigger.SettleRecovery] = typeof(SettleRecoveryData),
    };

    /// <summary>
    /// The record for this trigger from a request's <c>data</c> object, or null for a trigger that takes none
    /// (whatever was sent is then ignored, as API.md's triggers without data have always done).
    /// </summary>
    public static Outcome<TriggerData?> Read(ClaimTrigger trigger, JsonElement data)
    {
        var fields = new JsonFields(data, "data.");
        TriggerData? read = trigger switch
        {
            ClaimTrigger.RequestSupplement => SupplementRequestData.Read(fields),
            ClaimTrigger.ResolveScreening => ScreeningResolutionData.Read(fields),
            ClaimTrigger.Verify => VerifyData.Read(fields),
            ClaimTrigger.CorrectBankAccount => BankAccountCorrectionData.Read(fields),
            ClaimTrigger.SettleRecovery => SettleRecoveryData.Read(fields),
            _ => null,
        };
        return fields.Errors.Count > 0 ? Refusal.Validation(fields.Errors) : read;
    }
}
