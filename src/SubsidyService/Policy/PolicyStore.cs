using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Policy;

/// <summary>
/// Policy versions in PostgreSQL. The exclusion constraint, not this class, is the last word on overlaps.
/// Every estimate and claim needs a version, so the few rows are kept in memory: a trigger on the table
/// sends a notification on every change, <see cref="PolicyChangeListener"/> drops the copy when one comes,
/// and while no listener is connected (starting, or the connection lost) every read goes to the database.
/// </summary>
public sealed partial class PolicyStore(NpgsqlDataSource db, IClaimsUnderPolicy claims, ISecurityEvents security, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Aliased to the Row constructor's parameter names.
    private const string Columns = "id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition, " +
        "created_by AS createdby, confirmed_at AS confirmedat, confirmed_by AS confirmedby";

    /// <summary>The channel the table's trigger (migration 0007) notifies.</summary>
    public const string Channel = "policy_versions_changed";

    private readonly Lock gate = new();
    private IReadOnlyList<StoredPolicyVersion>? cached;
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

    /// <summary>Every version, oldest first, confirmed or not.</summary>
    /// <param name="fresh">Read the table, not the copy: for the checks before a change, which must see changes not yet notified.</param>
    public async Task<IReadOnlyList<PolicyVersion>> AllAsync(bool fresh = false) =>
        (await StoredAsync(fresh)).Select(v => v.Version).ToList();

    /// <summary>Only confirmed versions are in force: an estimate or a new claim never meets one a single person added.</summary>
    private async Task<IEnumerable<PolicyVersion>> ConfirmedAsync() =>
        (await StoredAsync()).Where(v => v.Confirmed).Select(v => v.Version);

    /// <summary>Every version with who added it and whether a second person has confirmed it, oldest first.</summary>
    public async Task<IReadOnlyList<StoredPolicyVersion>> StoredAsync(bool fresh = false)
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
        var all = rows.Select(r => r.ToStored()).ToList();
        lock (gate)
        {
            // A change notified while this was loading may not be in it: keep it only if none came.
            if (listening && generation == seen) cached = all;
        }
        return all;
    }

    /// <summary>The first version of all when it starts after the date; null when the date falls in a gap or after every version.</summary>
    public async Task<PolicyVersion?> FirstAfterAsync(DateOnly judgmentDate) =>
        (await ConfirmedAsync()).OrderBy(v => v.EffectiveFrom).FirstOrDefault() is { } first && first.EffectiveFrom > judgmentDate ? first : null;

    /// <summary>The version in force on the judgment date, or null when none is.</summary>
    public async Task<PolicyVersion?> InForceAsync(DateOnly judgmentDate) =>
        (await ConfirmedAsync()).Where(v => v.IsInForceOn(judgmentDate))
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
        if (errors.Count == 0 && await BackDatedOverClaimsAsync(version) is { } backDated)
            errors["effectiveFrom"] = [backDated];
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

    /// <summary>
    /// A version may reach back before today only over dates no claim was judged on: otherwise adding it would decide
    /// claims already made under rules written after them. Asked again at confirmation, since claims may come between.
    /// </summary>
    private async Task<string?> BackDatedOverClaimsAsync(PolicyVersion version)
    {
        if (version.EffectiveFrom >= clock.Today()) return null;
        var count = await claims.CountJudgedBetweenAsync(version.EffectiveFrom, version.EffectiveTo);
        return count == 0 ? null
            : $"生效日期早于今天，且已有 {count} 件申请的判决生效日期在该版本的有效期内：政策版本不能追溯适用于已有申请，请将生效日期设为今天或以后。";
    }

    /// <summary>Puts the default version in place unless a version of that id exists; safe on every node at once.</summary>
    internal async Task SeedDefaultAsync()
    {
        var version = PolicyVersion.Default;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO policy_versions (id, effective_from, effective_to, definition, created_by, confirmed_at)
            VALUES (@id, @from::date, @to::date, @definition::jsonb, @createdBy, now())
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
    private sealed record Row(string Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Definition,
        Guid? CreatedBy, DateTime? ConfirmedAt, Guid? ConfirmedBy)
    {
        public StoredPolicyVersion ToStored() => new(
            JsonSerializer.Deserialize<PolicyDefinition>(Definition, Json)!.ToVersion(Id, EffectiveFrom, EffectiveTo),
            CreatedBy, ConfirmedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, ConfirmedBy);
    }
}
