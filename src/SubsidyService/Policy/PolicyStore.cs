using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Policy;

/// <summary>
/// Policy versions in PostgreSQL. The exclusion constraint, not this class, is the last word on overlaps.
/// Every estimate and claim needs a version, so the few rows are kept in memory: a trigger on the table
/// sends a notification on every change, <see cref="PolicyChangeListener"/> drops the copy when one comes,
/// and while no listener is connected (starting, or the connection lost) every read goes to the database.
/// </summary>
public sealed class PolicyStore(NpgsqlDataSource db, IClaimsUnderPolicy claims, ISecurityEvents security)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Aliased to the Row constructor's parameter names.
    private const string Columns = "id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition";

    /// <summary>The channel the table's trigger (migration 0007) notifies.</summary>
    public const string Channel = "policy_versions_changed";

    private readonly Lock gate = new();
    private IReadOnlyList<PolicyVersion>? cached;
    private long generation;
    private bool listening;
    private long databaseReads;

    /// <summary>How often the versions were read from the database: the cache's effect, observable.</summary>
    internal long DatabaseReads => Interlocked.Read(ref databaseReads);

    /// <summary>The table changed (here or on another node): the next read loads it again.</summary>
    internal void Invalidate()
    {
        lock (gate)
        {
            generation++;
            cached = null;
        }
    }

    /// <summary>Whether change notifications reach this node; without them nothing is cached.</summary>
    internal void SetListening(bool value)
    {
        lock (gate)
        {
            listening = value;
            generation++;
            cached = null;
        }
    }

    /// <summary>Every version, oldest first.</summary>
    /// <param name="fresh">Read the table, not the copy: for the checks before a change, which must see changes not yet notified.</param>
    public async Task<IReadOnlyList<PolicyVersion>> AllAsync(bool fresh = false)
    {
        long seen;
        lock (gate)
        {
            if (!fresh && cached is { } hit) return hit;
            seen = generation;
        }

        await using var conn = await db.OpenConnectionAsync();
        var rows = await conn.QueryAsync<Row>($"SELECT {Columns} FROM policy_versions ORDER BY effective_from, id");
        Interlocked.Increment(ref databaseReads);
        var all = rows.Select(r => r.ToVersion()).ToList();
        lock (gate)
        {
            // A change notified while this was loading may not be in it: keep it only if none came.
            if (listening && generation == seen) cached = all;
        }
        return all;
    }

    /// <summary>The first version of all when it starts after the date; null when the date falls in a gap or after every version.</summary>
    public async Task<PolicyVersion?> FirstAfterAsync(DateOnly judgmentDate) =>
        (await AllAsync()).OrderBy(v => v.EffectiveFrom).FirstOrDefault() is { } first && first.EffectiveFrom > judgmentDate ? first : null;

    /// <summary>The version in force on the judgment date, or null when none is.</summary>
    public async Task<PolicyVersion?> InForceAsync(DateOnly judgmentDate) =>
        (await AllAsync()).Where(v => v.IsInForceOn(judgmentDate))
            .OrderByDescending(v => v.EffectiveFrom).ThenBy(v => v.Id, StringComparer.Ordinal).FirstOrDefault();

    public async Task<PolicyVersion?> FindAsync(string id, bool fresh = false) =>
        (await AllAsync(fresh)).FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Adds a version whose fields are already valid. A taken id names <c>id</c>; dates overlapping another
    /// version name <c>effectiveFrom</c>, whether found by the check here or by the constraint in a race.
    /// </summary>
    public async Task<Outcome<PolicyVersion>> AddAsync(PolicyVersion version, Guid? createdBy)
    {
        ArgumentNullException.ThrowIfNull(version);
        var errors = new Dictionary<string, string[]>();
        if (version.EffectiveTo < version.EffectiveFrom)
            errors["effectiveTo"] = ["失效日期不能早于生效日期。"];
        if (await FindAsync(version.Id, fresh: true) is not null)
            errors["id"] = [$"政策版本编号 {version.Id} 已存在。"];
        if (errors.Count == 0 && PolicyVersion.CheckNoOverlap([.. await AllAsync(fresh: true), version]) is [var overlap, ..])
            errors["effectiveFrom"] = [overlap + "。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        await using var conn = await db.OpenConnectionAsync();
        try
        {
            await conn.ExecuteAsync("""
                INSERT INTO policy_versions (id, effective_from, effective_to, definition, created_by)
                VALUES (@id, @from::date, @to::date, @definition::jsonb, @createdBy)
                """, Parameters(version, createdBy));
            Invalidate();
            await security.RecordAsync(SecurityAct.PolicyVersionAdded, version.Id,
                $"有效期 {Invariant.Date(version.EffectiveFrom)} 至 {(version.EffectiveTo is { } to ? Invariant.Date(to) : "长期")}");
            return version;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            errors["effectiveFrom"] = ["有效期与另一政策版本重叠（该版本刚由他人添加）。"];
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            errors["id"] = [$"政策版本编号 {version.Id} 已存在。"];
        }
        return Refusal.Validation(errors);
    }

    /// <summary>
    /// Gives a version its last day, so that a new edition can follow it. Refused when it would overlap
    /// another version, end before it starts, or leave behind a claim whose judgment date it no longer
    /// covers (a claim keeps the version in force on its judgment date).
    /// </summary>
    public async Task<Outcome<PolicyVersion>> SetEffectiveToAsync(string id, DateOnly effectiveTo)
    {
        var errors = new Dictionary<string, string[]>();
        var version = await FindAsync(id, fresh: true);
        if (version is null) return Refusal.NotFound("该政策版本");
        if (effectiveTo < version.EffectiveFrom)
            errors["effectiveTo"] = [$"失效日期不能早于该版本的生效日期 {Invariant.Date(version.EffectiveFrom)}。"];

        var latest = await claims.LatestJudgmentDateAsync(id);
        if (latest > effectiveTo)
            errors["effectiveTo"] = [$"已有判决生效日期为 {Invariant.Date(latest.Value)} 的申请适用此版本，失效日期不能早于该日。"];
        if (errors.Count > 0) return Refusal.Validation(errors);
        await using var conn = await db.OpenConnectionAsync();
        try
        {
            await conn.ExecuteAsync("UPDATE policy_versions SET effective_to = @to::date WHERE id = @id", new { id, to = AsDateTime(effectiveTo) });
            Invalidate();
            await security.RecordAsync(SecurityAct.PolicyVersionEnded, id, $"失效日期改为 {Invariant.Date(effectiveTo)}");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            return Refusal.Validation("effectiveTo", "延长后的有效期与另一政策版本重叠。");
        }
        return version with { EffectiveTo = effectiveTo };
    }

    /// <summary>Puts the default version in place unless a version of that id exists; safe on every node at once.</summary>
    internal async Task SeedDefaultAsync()
    {
        var version = PolicyVersion.Default;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO policy_versions (id, effective_from, effective_to, definition, created_by)
            VALUES (@id, @from::date, @to::date, @definition::jsonb, @createdBy)
            ON CONFLICT DO NOTHING
            """, Parameters(version, null));
        Invalidate();
    }

    private static object Parameters(PolicyVersion v, Guid? createdBy) => new
    {
        id = v.Id,
        from = AsDateTime(v.EffectiveFrom),
        to = v.EffectiveTo is { } to ? AsDateTime(to) : (DateTime?)null,
        definition = JsonSerializer.Serialize(PolicyDefinition.From(v), Json),
        createdBy,
    };

    // Passed as timestamps and cast in SQL: Dapper does not map DateOnly parameters itself.
    private static DateTime AsDateTime(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    // Npgsql 10 reads date columns as DateOnly.
    private sealed record Row(string Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Definition)
    {
        public PolicyVersion ToVersion() =>
            JsonSerializer.Deserialize<PolicyDefinition>(Definition, Json)!.ToVersion(Id, EffectiveFrom, EffectiveTo);
    }
}
