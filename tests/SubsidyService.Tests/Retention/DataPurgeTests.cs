using System.Net;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Notifications;
using SubsidyService.Operations.Retention;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Retention;

/// <summary>
/// The nightly purge takes what is past its keeping period and nothing else, keeps the rows an audit asks about, and
/// records counts (not content) in the chained log.
/// </summary>
public sealed class DataPurgeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string OldMail = "m-old@purge.test";
    private const string NewMail = "m-new@purge.test";

    [Fact]
    public async Task Withdrawn_evidence_and_old_mail_bodies_go_the_rest_stays_and_the_log_keeps_the_counts()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var withdrawn = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "withdraw");
        var recentlyWithdrawn = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "withdraw");
        var draft = await ClaimApi.CreateAsync(applicant);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        // Past the 180 days by one: as if withdrawn half a year ago.
        await conn.ExecuteAsync("UPDATE claims SET updated_at = now() - interval '181 days' WHERE id = ANY(@ids)",
            new { ids = new[] { withdrawn.Id(), draft.Id() } });
        await conn.ExecuteAsync("""
            INSERT INTO outbox_messages (id, message_id, kind, to_address, to_name, subject, body, status, next_attempt_at, created_at, sent_at)
            VALUES (gen_random_uuid(), @OldMail, 'receipt', 'a@example.cn', '申请人', '旧邮件', '身份证号 110101199003074578 的申请', 'sent', now(), now() - interval '91 days', now() - interval '91 days'),
                   (gen_random_uuid(), @NewMail, 'receipt', 'b@example.cn', '申请人', '新邮件', '近期正文', 'sent', now(), now() - interval '89 days', now() - interval '89 days');
            INSERT INTO outbox_attachments (message_id, position, file_name, content_type, content)
            SELECT id, 0, 'letter.pdf', 'application/pdf', '\x255044462d'::bytea FROM outbox_messages WHERE message_id IN (@OldMail, @NewMail);
            """, new { OldMail, NewMail });

        await fixture.App.RunRecurringJobAsync(DataPurgeJob.Id);

        var documents = (await conn.QueryAsync<(Guid ClaimId, bool Purged, int Bytes, string Sha256)>(
            "SELECT claim_id, purged_at IS NOT NULL, length(content), sha256 FROM claim_documents WHERE claim_id = ANY(@ids)",
            new { ids = new[] { withdrawn.Id(), recentlyWithdrawn.Id(), draft.Id() } })).ToList();
        documents.Where(d => d.ClaimId == withdrawn.Id()).Should().HaveCount(ClaimApi.RequiredKinds.Length)
            .And.OnlyContain(d => d.Purged && d.Bytes == 0 && d.Sha256.Length == 64, "the bytes go, the record of what was filed stays");
        documents.Where(d => d.ClaimId != withdrawn.Id()).Should().OnlyContain(d => !d.Purged && d.Bytes > 0,
            "a claim withdrawn yesterday and a draft, however old, keep their evidence");

        var documentId = await conn.ExecuteScalarAsync<Guid>("SELECT id FROM claim_documents WHERE claim_id = @id LIMIT 1", new { id = withdrawn.Id() });
        await (await applicant.GetAsync($"/api/v1/claims/{withdrawn.Id()}/documents/{documentId}")).ShouldBeProblemAsync(HttpStatusCode.Gone, "document_purged");

        var mails = (await conn.QueryAsync<(string MessageId, string Body, bool Purged, int Attachments)>("""
            SELECT m.message_id, m.body, m.body_purged_at IS NOT NULL, (SELECT count(*)::int FROM outbox_attachments a WHERE a.message_id = m.id)
            FROM outbox_messages m WHERE m.message_id IN (@OldMail, @NewMail)
            """, new { OldMail, NewMail })).ToDictionary(m => m.MessageId);
        mails[OldMail].Should().Be((OldMail, SentMailPurge.PurgedBody, true, 0));
        mails[NewMail].Should().Be((NewMail, "近期正文", false, 1));

        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var log = await auditor.GetStringAsync("/api/v1/audit/security-events");
        log.Should().Contain("data_purged").And.Contain($"withdrawn_claim_evidence={ClaimApi.RequiredKinds.Length}").And.Contain("sent_mail_body=1")
            .And.Contain("paid_claim_evidence=0").And.NotContain("110101199003074578");

        // A second night finds nothing more to take.
        await fixture.App.RunRecurringJobAsync(DataPurgeJob.Id);
        (await auditor.GetStringAsync("/api/v1/audit/security-events")).Should().Contain("sent_mail_body=0; withdrawn_claim_evidence=0");
    }
}
