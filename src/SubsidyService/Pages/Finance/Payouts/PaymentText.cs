namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>A payment's state as the batch page names it.</summary>
public static class PaymentText
{
    public static string State(string state) => state switch
    {
        "pending" => "待银行回单",
        "paid" => "支付成功",
        "failed" => "支付失败",
        _ => state,
    };

    public static string Badge(string state) => state switch
    {
        "paid" => "st-paid",
        "failed" => "st-payout_failed",
        _ => "st-in_payout",
    };
}
