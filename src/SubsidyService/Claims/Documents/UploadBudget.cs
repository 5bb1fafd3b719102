using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Claims.Documents;

/// <summary>
/// A ceiling on what all applicants together may upload in a day (<c>Uploads:MaxMegabytesPerDay</c>, default
/// 2048), beside each applicant's own quota: registrations are cheap, so per-account limits alone bound nothing.
/// An upload reserves its declared size before its body is read; past the ceiling uploads answer 503 until the
/// next day (China time) and the administrators are told once.
/// </summary>
public sealed class UploadBudget(NpgsqlDataSource db, IUploadBudgetAlerts alerts, TimeProvider clock, IConfiguration config)
{
    private const int Shards = 8;

    public long LimitBytes { get; } = config.GetValue("Uploads:MaxMegabytesPerDay", 2048L) * 1024 * 1024;

    /// <summary>Counts the bytes against today's budget; false (and nothing counted) when they would pass it.</summary>
    public async Task<bool> TryReserveAsync(long bytes)
    {
        var day = clock.Today();
        await using var conn = await db.OpenConnectionAsync();
        // Read, then add to one shard: two uploads at the ceiling may both pass, by at most one file each.
        var used = await conn.ExecuteScalarAsync<long>(
            "SELECT coalesce(sum(bytes), 0) FROM public.upload_budget WHERE day = @day", new { day = Day(day) });
        if (used + bytes > LimitBytes)
        {
            await alerts.BudgetSpentAsync(day, LimitBytes);
            return false;
        }
        await conn.ExecuteAsync("""
            INSERT INTO public.upload_budget (day, shard, bytes) VALUES (@day, @shard, @bytes)
            ON CONFLICT (day, shard) DO UPDATE SET bytes = upload_budget.bytes + excluded.bytes
            """, new { day = Day(day), shard = (short)Random.Shared.Next(Shards), bytes });
        return true;
    }

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    public const string SpentMessage = "今日系统接收材料的总量已达上限，请明天再上传。已填写的申请内容不受影响，可先保存。";
}
