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
    /// <summary>The triggers a caller of the API may send data with: the record each one reads, and how.</summary>
    private static readonly Dictionary<ClaimTrigger, (Type Type, Func<JsonFields, TriggerData> Read)> Readers = new()
    {
        [ClaimTrigger.Submit] = (typeof(SubmitData), SubmitData.Read),
        [ClaimTrigger.RequestSupplement] = (typeof(SupplementRequestData), SupplementRequestData.Read),
        [ClaimTrigger.ResolveScreening] = (typeof(ScreeningResolutionData), ScreeningResolutionData.Read),
        [ClaimTrigger.Verify] = (typeof(VerifyData), VerifyData.Read),
        [ClaimTrigger.CorrectBankAccount] = (typeof(BankAccountCorrectionData), BankAccountCorrectionData.Read),
        [ClaimTrigger.SettleRecovery] = (typeof(SettleRecoveryData), SettleRecoveryData.Read),
        [ClaimTrigger.AddDisputeDetails] = (typeof(DisputeDetailsData), DisputeDetailsData.Read),
    };

    /// <summary>The triggers a caller of the API may send data with, and the record each one reads.</summary>
    public static IReadOnlyDictionary<ClaimTrigger, Type> FromClients { get; } = Readers.ToDictionary(r => r.Key, r => r.Value.Type);

    /// <summary>
    /// The record for this trigger from a request's <c>data</c> object, or null for a trigger that takes none
    /// (whatever was sent is then ignored, as API.md's triggers without data have always done).
    /// </summary>
    public static Outcome<TriggerData?> Read(ClaimTrigger trigger, JsonElement data)
    {
        if (!Readers.TryGetValue(trigger, out var reader)) return (TriggerData?)null;
        var fields = new JsonFields(data, "data.");
        var read = reader.Read(fields);
        return fields.Errors.Count > 0 ? Refusal.Validation(fields.Errors) : read;
    }
}
