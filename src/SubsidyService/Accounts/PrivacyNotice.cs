namespace SubsidyService.Accounts;

/// <summary>
/// The notice an applicant reads and agrees to at registration (个人信息保护法 articles 14 and 17: who processes what,
/// why, how long, and the person's rights). A changed text gets a new version, so each consent names the text it was given to.
/// </summary>
public static class PrivacyNotice
{
    public const string Version = "2026-1";

    public const string Title = "个人信息处理告知";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "处理者：本县市场监督管理局（知识产权局）和财政局，为办理专利侵权诉讼维权代理费补助处理您的个人信息。",
        "处理的信息：姓名或单位名称、电子邮箱、身份证件号码或统一社会信用代码、户籍地或注册地、案件信息（判决书、代理合同、发票、付款凭证）、银行账户信息。其中身份证件号码、银行账户属于敏感个人信息，仅用于核实申请人身份、核查重复资助和拨付补助。",
        "处理目的和方式：受理、审核、公示、拨付补助及事后监督。公示仅公开申请人名称、案件号和补助金额，不公开身份证件号码和银行账号；与其他各级政府资助名录比对时仅使用其指纹（不可还原的摘要）。",
        "保存期限：按财政会计档案管理规定保存；撤回的申请，其上传材料在规定期限后删除。",
        "您的权利：您可以查阅、复制、更正您的个人信息，可以撤回同意（撤回不影响撤回前已进行的处理，但未办结的申请将无法继续办理）。如有疑问，请拨打办事指南中的咨询电话。",
    ];
}
