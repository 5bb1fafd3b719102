using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Claims.Documents;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>The refusals a transition gives before any effect runs: not permitted from this status, documents missing, a reason missing.</summary>
internal static class TransitionRefusals
{
    internal static Refusal NotPermitted(ClaimTrigger trigger, ClaimStatus from, string? why) =>
        new(422, "trigger_not_permitted", "当前状态不能执行该操作",
            $"申请处于“{ClaimNames.Of(from)}”状态，不能执行“{ClaimNames.Of(trigger)}”" + (why is null ? "。" : $"：{why}。"));

    /// <summary>422 naming each missing kind under <c>errors.documents</c> (codes), and in words for the page.</summary>
    internal static Refusal DocumentsMissing(IReadOnlyList<DocumentKind> missing, string? why) =>
        new(422, ClaimWorkflow.DocumentsMissingCode, "申请材料不全",
            $"尚缺以下材料，不能核实：{string.Join("、", missing.Select(Materials.NameOf))}。请一次性告知申请人补正。" + (why is null ? "" : $"（{why}）"),
            new Dictionary<string, string[]> { ["documents"] = missing.Select(k => EnumCodes.ToCode(k)).ToArray() });

    internal static Refusal? CheckReason(TransitionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (ClaimWorkflow.Instance.RequiresReason(request.Trigger) && request.Reason is null)
            errors["reason"] = [$"“{ClaimNames.Of(request.Trigger)}”须填写理由。"];
        if (ClaimWorkflow.Instance.RequiresReasonCode(request.Trigger))
        {
            if (request.ReasonCode is null)
                errors["reasonCode"] = ["驳回须选择驳回原因。"];
            else if (!RejectionReasons.All.ContainsKey(request.ReasonCode))
                errors["reasonCode"] = [ChoiceError.Message("驳回原因", request.ReasonCode, RejectionReasons.All.Keys) + "。"];
        }
        return errors.Count > 0 ? Refusal.Validation(errors) : null;
    }
}
