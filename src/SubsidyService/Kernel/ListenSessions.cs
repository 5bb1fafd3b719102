namespace SubsidyService.Kernel;

/// <summary>
/// The key of the <see cref="Npgsql.NpgsqlDataSource"/> for sessions a feature holds for as long as the node runs
/// (a LISTEN): unpooled and straight to PostgreSQL, never through a transaction-mode pooler, which would hand the
/// LISTEN to a server connection that the next client then gets. Registered by the Data feature.
/// </summary>
public static class ListenSessions
{
    public const string Key = "listen";
}
