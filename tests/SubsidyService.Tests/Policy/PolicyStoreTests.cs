using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Domain.Policy;
using SubsidyService.Policy;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

public sealed class PolicyStoreTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private PolicyStore Store => fixture.App.Service<PolicyStore>();

    private static PolicyVersion Version(string id, DateOnly from, DateOnly? to) =>
        PolicyVersion.Default with { Id = id, EffectiveFrom = from, EffectiveTo = to };

    [Fact]
    public async Task The_default_version_is_seeded_and_reads_back_equal_in_every_number()
    {
        var stored = await Store.FindAsync(PolicyVersion.Default.Id);

        stored.Should().NotBeNull();
        PolicyDefinition.From(stored!).Should().BeEquivalentTo(PolicyDefinition.From(PolicyVersion.Default));
        stored!.EffectiveFrom.Should().Be(new DateOnly(2023, 1, 1));
        stored.EffectiveTo.Should().BeNull();
        stored.Caps[Tier.MajorOrForeign].Should().Be(50_000.00m);
        stored.MajorCaseTypes.Should().HaveCount(Enum.GetValues<CaseType>().Length);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await Store.SeedDefaultAsync();
        await Store.SeedDefaultAsync();
        (await Store.AllAsync()).Count(v => v.Id == PolicyVersion.Default.Id).Should().Be(1);
    }

    [Fact]
    public async Task The_version_in_force_is_found_by_judgment_date_with_inclusive_ends()
    {
        // Fixture database of its own, so closing the default here disturbs no other test class.
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        await conn.ExecuteAsync("UPDATE policy_versions SET effective_to = '2039-12-31' WHERE id = '2023-item13'");
        var (created, refused) = await Store.AddAsync(Version("2040-store", new DateOnly(2040, 1, 1), new DateOnly(2040, 12, 31)), null);
        refused.Should().BeNull();
        created!.Id.Should().Be("2040-store");
        (await Store.InForceAsync(new DateOnly(2040, 1, 1))).Should().BeNull("nobody has confirmed it yet");
        (await Store.ConfirmAsync("2040-store", Guid.NewGuid())).Refusal.Should().BeNull();

        (await Store.InForceAsync(new DateOnly(2039, 12, 31)))!.Id.Should().Be("2023-item13");
        (await Store.InForceAsync(new DateOnly(2040, 1, 1)))!.Id.Should().Be("2040-store");
        (await Store.InForceAsync(new DateOnly(2040, 12, 31)))!.Id.Should().Be("2040-store");
        (await Store.InForceAsync(new DateOnly(2041, 1, 1))).Should().BeNull();
        (await Store.InForceAsync(new DateOnly(2022, 12, 31))).Should().BeNull();
    }

    [Fact]
    public async Task An_overlapping_version_is_refused_naming_effectiveFrom()
    {
        var (created, refused) = await Store.AddAsync(Version("overlap", new DateOnly(2030, 1, 1), null), null);
        created.Should().BeNull();
        refused!.Errors.Should().ContainKey("effectiveFrom");
        (await Store.FindAsync("overlap")).Should().BeNull();
    }

    [Fact]
    public async Task The_database_itself_refuses_overlapping_ranges()
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var insert = () => conn.ExecuteAsync("""
            INSERT INTO policy_versions (id, effective_from, effective_to, definition)
            VALUES ('raw-overlap', '2024-06-01', '2024-06-30', '{}')
            """);
        (await insert.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.ExclusionViolation);
    }

    [Fact]
    public async Task A_taken_id_is_refused_naming_id()
    {
        var (_, refused) = await Store.AddAsync(Version(PolicyVersion.Default.Id, new DateOnly(1990, 1, 1), new DateOnly(1990, 12, 31)), null);
        refused!.Errors.Should().ContainKey("id");
    }
}
