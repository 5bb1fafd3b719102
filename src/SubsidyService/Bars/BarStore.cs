using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Bars;

/// <summary>The SQL of bars; writes take the caller's transaction so the bar and its event commit together.</summary>
public sealed class BarStore(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT b.id, b.id_number AS idnumber, b.reason, b.until, b.recovery_id AS recoveryid,
               b.created_by AS createdby, b.created_by_name AS createdbyname, b.created_at AS createdat,
               b.lifted_by AS liftedby, b.lifted_by_name AS liftedbyname, b.lifted_at AS liftedat, b.lift_reason AS liftreason
        FROM bars b
        """;

    /// <summary>The newest bars first; with an identity, only that identity's.</summary>
    public async Task<IReadOnlyList<BarRow>> ListAsync(string? idNumber, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<BarRow>(
            $"{Select} WHERE @idNumber::text IS NULL OR b.id_number = @idNumber ORDER BY b.created_at DESC, b.id LIMIT @limit",
            new { idNumber, limit })).AsList();
    }

    public static Task<BarRow?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, bool forUpdate) =>
        conn.QuerySingleOrDefaultAsync<BarRow>($"{Select} WHERE b.id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, tx);

    public static Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string idNumber, string reason, DateOnly until,
        Guid? recoveryId, Guid by, string byName, DateTime now) =>
        conn.ExecuteAsync("""
            INSERT INTO bars (id, id_number, reason, until, recovery_id, created_by, created_by_name, created_at)
            VALUES (@id, @idNumber, @reason, @until::date, @recoveryId, @by, @byName, @now)
            """, new { id, idNumber, reason, until = AsDateTime(until), recoveryId, by, byName, now }, tx);

    public static Task LiftAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string reason, Guid by, string byName, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE bars SET lifted_by = @by, lifted_by_name = @byName, lifted_at = @now, lift_reason = @reason
            WHERE id = @id AND lifted_at IS NULL
            """, new { id, reason, by, byName, now }, tx);

    /// <summary>Whether a bar stands against the identity on the day: served by <c>bars_standing</c>.</summary>
    public static SqlBatch.Pending<bool> Stands(SqlBatch batch, string idNumber, DateOnly today) =>
        batch.Read(StandsSql, new { barIdNumber = idNumber, barToday = AsDateTime(today) }, grid => grid.ReadSingleAsync<bool>());

    private const string StandsSql =
        "SELECT EXISTS (SELECT 1 FROM bars WHERE id_number = @barIdNumber AND until >= @barToday::date AND lifted_at IS NULL)";

    // Passed as timestamps and cast in SQL: Dapper does not map DateOnly parameters itself.
    private static DateTime AsDateTime(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
