using Dapper;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using SubsidyService.Data;
using SubsidyService.Domain.Screening;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// Case numbers stored before they were parsed kept a 第 and the serial's leading zeros in their canonical form. The
/// migration that brought parsing (0016) rewrites them, so that a claim or a register row of that time is found by
/// today's spelling of the same case: the comparison screening makes is equality on the canonical column.
/// </summary>
public sealed class CaseNumberMigrationTests
{
    private static readonly Guid User = Guid.NewGuid();

    [Fact]
    public async Task Old_spellings_in_claims_and_registers_are_found_by_todays_canonical_form_after_migrating()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        var migrator = new Migrator(NullLogger<Migrator>.Instance);
        var all = Migrator.Embedded();
        await migrator.MigrateAsync(cs, all.Where(m => string.CompareOrdinal(m.Name, "0016") < 0).ToList());

        await using var db = await TestPostgres.OpenAsync(cs);
        var import = Guid.NewGuid();
        var (claim, paid) = (Guid.NewGuid(), Guid.NewGuid());
        await db.ExecuteAsync("""
            INSERT INTO users (id, username, password_hash, email, display_name, role, created_at)
            VALUES (@User, 'old-verifier', 'x', 'v@example.org', '审核人', 'verifier', now());
            INSERT INTO funding_register_imports (id, file_name, sha256, row_count, imported_by, imported_at)
            VALUES (@import, 'province-2023.csv', 'aa', 3, @User, now());
            INSERT INTO funding_register_rows (id, import_id, line_number, source, level, recipient_name, case_number, canonical_case_number, amount)
            VALUES (gen_random_uuid(), @import, 2, '省知识产权局', 'provincial', '某公司', '（2023）浙02民初第00451号', '(2023)浙02民初第00451号', 5000),
                   (gen_random_uuid(), @import, 3, '市知识产权局', 'municipal', '某公司', '(2023)浙02民初0452号', '(2023)浙02民初0452号', 3000),
                   (gen_random_uuid(), @import, 4, '外省', 'provincial', '某公司', 'HCA 1234/2020', 'HCA1234/2020', 1000);
            INSERT INTO claims (id, applicant_id, status, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at)
            VALUES (@claim, @User, 'submitted', '{}', '{}', 'enterprise', '某公司', '91330102MA2B3C4D5X',
                    '(2023)浙02民初第0453号', '(2023)浙02民初第0453号', '2023-item13', 5000, now(), now(), now()),
                   (@paid, @User, 'paid', '{}', '{}', 'enterprise', '某公司', '91330102MA2B3C4D5X',
                    '(2023)浙02民终07号', '(2023)浙02民终07号', '2023-item13', 5000, now(), now(), now());
            -- One instance listed twice, spelled two ways: the effective one is kept, once.
            INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
            VALUES (@claim, '(2023)浙02民初第0453号', true), (@claim, '(2023)浙02民初453号', false),
                   (@paid, '(2023)浙02民终07号', true);
            """, new { User, import, claim, paid });

        await migrator.MigrateAsync(cs, all);

        async Task<long> RegisterRows(string spelling) => await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM funding_register_rows WHERE canonical_case_number = @c", new { c = CaseNumber.Canonical(spelling, false) });
        (await RegisterRows("(2023)浙02民初451号")).Should().Be(1, "第 and the leading zeros no longer make another case");
        (await RegisterRows("（2023）浙02民初第452号")).Should().Be(1);
        (await RegisterRows("(2023)浙02民初00451号")).Should().Be(1, "any spelling of today finds it");
        (await db.ExecuteScalarAsync<string>("SELECT canonical_case_number FROM funding_register_rows WHERE line_number = 4"))
            .Should().Be("HCA1234/2020", "a number that is not a mainland case number is left as it was");

        (await db.ExecuteScalarAsync<Guid?>("SELECT id FROM claims WHERE canonical_case_number = @c",
            new { c = CaseNumber.Canonical("(2023)浙02民初453号", false) })).Should().Be(claim);
        (await db.ExecuteScalarAsync<Guid?>("SELECT id FROM claims WHERE canonical_case_number = @c",
            new { c = CaseNumber.Canonical("（2023）浙02民终第7号", false) })).Should().Be(paid);
        (await db.QueryAsync<string>("SELECT canonical FROM claim_case_numbers WHERE claim_id = @claim", new { claim }))
            .Should().Equal(CaseNumber.Canonical("(2023)浙02民初453号", false));
        (await db.ExecuteScalarAsync<Guid?>("SELECT claim_id FROM claim_case_numbers WHERE canonical = @c",
            new { c = CaseNumber.Canonical("(2023)浙02民初第00453号", false) })).Should().Be(claim, "screening looks claims up by this table");
    }
}
