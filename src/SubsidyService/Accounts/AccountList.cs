using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Accounts;

/// <summary>Which accounts the admin's list shows: a role, text found in the username, name or e-mail, and an order.</summary>
public sealed record AccountQuery(string? Role, string? Search, string? Sort)
{
    /// <summary>The sort keys and the fixed SQL each stands for: only these reach SQL, so a typed value cannot.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["username"] = "lower(username)",
        // Chinese names by pinyin, as the claim lists sort them.
        ["name"] = "display_name COLLATE \"zh-x-icu\"",
        ["role"] = "array_position(ARRAY[" + string.Join(",", Roles.All.Select(r => $"'{r}'")) + "]::text[], role)",
        ["email"] = "lower(email)",
        ["created"] = "created_at",
    };

    public bool SortIsKnown => string.IsNullOrWhiteSpace(Sort) || SortColumns.ContainsKey(Sort.TrimStart('-'));

    internal string OrderBy => string.IsNullOrWhiteSpace(Sort)
        ? "role, lower(username)"
        : $"{SortColumns[Sort.TrimStart('-')]} {(Sort.StartsWith('-') ? "DESC" : "ASC")}, lower(username)";
}

/// <summary>
/// The accounts list, filtered, ordered and paged by PostgreSQL: self-registered applicants make the table grow
/// with the county's rights-holders, so it is never read whole to show fifty rows.
/// </summary>
public sealed class AccountList(NpgsqlDataSource db)
{
    /// <summary>The account with the latest delay its sign-ins are under, so the administrator sees who is being held up.</summary>
    private const string Columns = """
        users.*, (SELECT max(t.blocked_until) FROM login_throttles t WHERE t.username = lower(users.username)) AS locked_until
        """;

    public async Task<(IReadOnlyList<User> Items, long Total)> PageAsync(AccountQuery query, int page, int pageSize)
    {
        var (where, args) = Filter(query);
        args.Add("offset", (long)(page - 1) * pageSize);
        args.Add("pageSize", pageSize);
        await using var conn = await db.OpenConnectionAsync();
        var total = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM users {where}", args);
        var items = await conn.QueryAsync<User>($"SELECT {Columns} FROM users {where} ORDER BY {query.OrderBy} LIMIT @pageSize OFFSET @offset", args);
        return (items.ToList(), total);
    }

    /// <summary>Every account the query keeps, in its order, streamed for an export.</summary>
    public async IAsyncEnumerable<User> ExportAsync(AccountQuery query)
    {
        var (where, args) = Filter(query);
        await using var conn = await db.OpenConnectionAsync();
        await foreach (var user in conn.QueryUnbufferedAsync<User>($"SELECT {Columns} FROM users {where} ORDER BY {query.OrderBy}", args))
            yield return user;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsByRoleAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(string Role, long Count)>("SELECT role, count(*) FROM users GROUP BY role")).ToDictionary(r => r.Role, r => r.Count);
    }

    private static (string Where, DynamicParameters Args) Filter(AccountQuery query)
    {
        const string where = """
            WHERE (@role::text IS NULL OR role = @role)
              AND (@search::text IS NULL OR username ILIKE '%' || @search || '%' OR display_name ILIKE '%' || @search || '%'
                   OR email ILIKE '%' || @search || '%')
            """;
        var search = query.Search?.Trim() is { Length: > 0 } s ? Like.Escape(s) : null;
        return (where, new DynamicParameters(new { role = string.IsNullOrEmpty(query.Role) ? null : query.Role, search }));
    }
}
