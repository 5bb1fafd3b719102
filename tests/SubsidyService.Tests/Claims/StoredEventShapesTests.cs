using FluentAssertions;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// Every shape of event data the log already holds (written before the records existed, as the handlers merged
/// their parts into one object) reads into its typed record: what is in the log cannot be rewritten.
/// </summary>
public sealed class StoredEventShapesTests
{
    private const string Batch = "6f1c5a52-8a0f-4f1e-9f3e-2d7f0b1f0c11";
    private const string Payment = "0a9a2f57-0b8e-4d53-8d1b-6a7c0e0b9d22";

    public static TheoryData<string, string, Type> Stored => new()
    {
        { "create", """{"amount":"4000.00","policyVersion":"2023-item13","bankAccount":{"bankName":"农业银行","accountName":"张明","accountNumber":"6228****0017","accountNumberFingerprint":"ab12"}}""", typeof(FactsRecordedEvent) },
        { "edit", """{"amount":"4500.00","policyVersion":"2023-item13","bankAccount":{"bankName":"农业银行","accountName":"张明","accountNumber":"6228****0017"}}""", typeof(FactsRecordedEvent) },
        { "document_added", """{"documentId":"9b2f1e3c-1111-4222-8333-444455556666","kind":"judgment","fileName":"判决书.pdf","sha256":"ff","sizeBytes":1024}""", typeof(DocumentEvent) },
        { "document_removed", """{"documentId":"9b2f1e3c-1111-4222-8333-444455556666","kind":"judgment","fileName":"判决书.pdf","sha256":"ff"}""", typeof(DocumentEvent) },
        { "screening_flag", """{"code":"shared_case","matchedClaimId":"9b2f1e3c-1111-4222-8333-444455556666"}""", typeof(FlagNotedEvent) },
        { "screening_flag", """{"code":"external_funding_match","importedBy":"verifier.demo"}""", typeof(FlagNotedEvent) },
        { "submit", """{"flags":["shared_case"]}""", typeof(SubmittedEvent) },
        { "request_supplement", """{"defects":["发票不清晰"]}""", typeof(SupplementRequestedEvent) },
        { "resolve_screening", """{"code":"shared_case","decision":"dismiss","flags":["9b2f1e3c-1111-4222-8333-444455556666"]}""", typeof(ScreeningResolvedEvent) },
        { "verify", """{"majorImpact":true,"foreignRelated":false,"feeBase":"30000.00","amount":"15000.00"}""", typeof(VerifiedEvent) },
        { "reject", """{"reasonCode":"not_won","reasonText":"案件结果不属于胜诉","letter":{"kind":"rejection","number":"县知补〔2026〕第0002号","sha256":"aa"}}""", typeof(RejectedEvent) },
        { "approve", """{"approval":{"budgetYear":2026,"reserved":"4000.00","remaining":"96000.00","noticeEndsOn":"2026-12-10","letter":{"kind":"approval","number":"县知补〔2026〕第0001号","sha256":"bb"}}}""", typeof(ApprovedEvent) },
        { "withdraw", """{"approvalUndone":{"released":null,"budgetYear":null,"revokedLetters":["县知补〔2026〕第0001号"]}}""", typeof(ApprovalWithdrawnEvent) },
        { "object", """{"approvalUndone":{"released":"4000.00","budgetYear":2026,"revokedLetters":["县知补〔2026〕第0001号"]}}""", typeof(ApprovalWithdrawnEvent) },
        { "include_in_payout", $$$"""{"batchId":"{{{Batch}}}","paymentId":"{{{Payment}}}","reference":"P2026-1","amount":"4000.00"}""", typeof(IncludedInPayoutEvent) },
        { "payment_succeeded", $$$"""{"batchId":"{{{Batch}}}","paymentId":"{{{Payment}}}","reference":"P2026-1","bankMessage":null,"importedBy":"finance.demo","budget":{"year":2026,"paid":"4000.00"}}""", typeof(PaymentResultEvent) },
        { "payment_failed", $$$"""{"batchId":"{{{Batch}}}","paymentId":"{{{Payment}}}","reference":"P2026-1","bankMessage":"账号不存在","importedBy":"finance.demo"}""", typeof(PaymentResultEvent) },
        { "screening_flag_raised", """{"code":"external_funding_match","importedBy":"verifier.demo","approvalUndone":{"released":"4000.00","budgetYear":2026,"revokedLetters":[]}}""", typeof(FlagRaisedEvent) },
        { "correct_bank_account", """{"previous":{"bankName":"农业银行","accountName":"张明","accountNumber":"6228****0017"},"corrected":{"bankName":"工商银行","accountName":"张明","accountNumber":"6222****0021"}}""", typeof(BankAccountCorrectedEvent) },
        { "open_recovery", $$$"""{"registerRowId":"{{{Batch}}}","importId":"{{{Payment}}}","importedBy":"verifier.demo","registerRow":{"line":2,"source":"省知识产权局","level":"省级","recipientName":"张明","recipientId":"330212199001011234","caseNumber":"(2024)浙02民初1号","amount":"3000.00","awardedOn":"2026-01-05","programme":null},"recovery":{"id":"{{{Batch}}}","amount":"4000.00"}}""", typeof(RecoveryOpenedEvent) },
        { "recovery_proposed", $$$"""{"recoveryId":"{{{Batch}}}","registerRowId":"{{{Payment}}}","importId":"{{{Payment}}}","registerRow":{"line":2,"source":"省","level":"省级","recipientName":"张明","recipientId":"3302**********1234","caseNumber":"c","amount":"3000.00","awardedOn":null,"programme":null,"recipientIdFingerprint":"ab"},"amount":"4000.00"}""", typeof(RecoveryProposedEvent) },
        { "recovery_dismissed", $$$"""{"recoveryId":"{{{Batch}}}"}""", typeof(RecoveryDismissedEvent) },
        { "object", $$$"""{"approvalUndone":{"released":"4000.00","budgetYear":2026,"revokedLetters":["N1"]},"objectionId":"{{{Batch}}}"}""", typeof(ApprovalWithdrawnEvent) },
        { "objection_recorded", $$$"""{"objectionId":"{{{Batch}}}","objectorMasked":"王**","objectorFingerprint":"hmac-sha256:aa","contactMasked":"139****5678","contactFingerprint":"hmac-sha256:bb","contentSha256":"cc"}""", typeof(ObjectionRecordedEvent) },
        { "objection_dismissed", $$$"""{"objectionId":"{{{Batch}}}","replySha256":"dd"}""", typeof(ObjectionDismissedEvent) },
        { "add_dispute_details", """{"patentNumbers":["ZL202310000001.X"],"opposingPartyFingerprints":["hmac-sha256:aa"],"flags":["same_dispute"]}""", typeof(DisputeDetailsAddedEvent) },
        { "settle_recovery", $$$"""{"recoveryId":"{{{Batch}}}","method":"refunded","amount":"4000.00","reference":"R-1","note":"已退回","settlement":{"recoveryId":"{{{Batch}}}","method":"refunded","amount":"4000.00","reference":"R-1","note":"已退回"}}""", typeof(RecoverySettledEvent) },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void A_stored_shape_reads_into_its_record(string kind, string json, Type record)
    {
        var read = EventData.Read(kind, json);
        read.Should().NotBeNull().And.BeOfType(record);
        // Read back and written again, nothing the log held is lost: every stored member has its place in the record.
        var written = System.Text.Json.JsonDocument.Parse(EventData.Write(read!)).RootElement;
        foreach (var member in System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject())
            written.TryGetProperty(member.Name, out _).Should().BeTrue($"{kind}'s {member.Name} has a member in {record.Name}");
    }

    [Fact]
    public void Values_of_old_shapes_arrive_where_the_pages_read_them()
    {
        var approve = (ApprovedEvent)EventData.Read("approve", """{"approval":{"budgetYear":2026,"reserved":"4000.00","remaining":"96000.00","noticeEndsOn":"2026-12-10","letter":{"kind":"approval","number":"N1","sha256":"bb"}}}""")!;
        approve.Approval.NoticeEndsOn.Should().Be("2026-12-10");
        approve.Approval.Letter!.Number.Should().Be("N1");
        var failed = (PaymentResultEvent)EventData.Read("payment_failed", $$$"""{"batchId":"{{{Batch}}}","paymentId":"{{{Payment}}}","reference":"P","bankMessage":"账号不存在","importedBy":"f"}""")!;
        failed.BankMessage.Should().Be("账号不存在");
        var undone = (ApprovalWithdrawnEvent)EventData.Read("object", """{"approvalUndone":{"released":"4000.00","budgetYear":2026,"revokedLetters":["N1"]}}""")!;
        undone.ApprovalUndone!.RevokedLetters.Should().Equal("N1");
    }

    [Fact]
    public void Every_kind_of_event_with_data_has_a_stored_shape_here()
    {
        var covered = Stored.Select(row => (string)row[0]).ToHashSet();
        EventData.Kinds.Where(k => k.Value is not null).Select(k => k.Key).Should().BeSubsetOf(covered);
    }

    [Fact]
    public void An_applicant_sees_no_budget_no_staff_account_and_nothing_of_a_register_row()
    {
        var approve = EventData.Read("approve", """{"approval":{"budgetYear":2026,"reserved":"4000.00","remaining":"96000.00","noticeEndsOn":"2026-12-10"}}""")!;
        EventData.Write(approve.ForApplicant()!).Should().NotContain("96000").And.NotContain("2026,");
        var recovery = EventData.Read("open_recovery", $$$"""{"registerRowId":"{{{Batch}}}","importId":"{{{Payment}}}","importedBy":"verifier.demo","registerRow":{"line":2,"source":"省","level":"省级","recipientName":"李四","recipientId":"330212199001011234","caseNumber":"c","amount":"3000.00","awardedOn":null,"programme":null},"recovery":{"id":"{{{Batch}}}","amount":"4000.00"}}""")!;
        var shown = EventData.Write(recovery.ForApplicant()!);
        shown.Should().Contain("4000.00").And.NotContain("330212199001011234").And.NotContain("李四").And.NotContain("verifier.demo");
        var paid = EventData.Read("payment_succeeded", $$$"""{"batchId":"{{{Batch}}}","paymentId":"{{{Payment}}}","reference":"P","bankMessage":null,"importedBy":"finance.demo","budget":{"year":2026,"paid":"4000.00"}}""")!;
        EventData.Write(paid.ForApplicant()!).Should().NotContain("finance.demo");
        EventData.Read("resolve_screening", """{"code":"shared_case","decision":"dismiss","flags":[]}""")!.ForApplicant().Should().BeNull();
    }
}
