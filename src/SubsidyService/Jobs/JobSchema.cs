using Hangfire.PostgreSql;
using Npgsql;
using SubsidyService.Data;

namespace SubsidyService.Jobs;

/// <summary>
/// Hangfire's tables (schema <c>hangfire</c>), installed or upgraded by the migration run as the schema's owner;
/// the migrations' advisory lock keeps nodes migrating together from racing Hangfire's installer.
/// </summary>
public sealed class JobSchema : ISchemaPart
{
    public string Schema => JobsOptions.SchemaName;

    public void Install(NpgsqlConnection owner) => PostgreSqlObjectsInstaller.Install(owner, JobsOptions.SchemaName);
}
