using System.Collections;
using Dapper;
using Npgsql;

namespace SubsidyService.Kernel;

/// <summary>
/// Statements gathered from their owners and sent to PostgreSQL as one batch: one round trip, each statement run in
/// order inside the caller's transaction (a statement after a lock sees what the lock waited for). Each owner adds
/// its own SQL: a read with the reader of its result, or a write, whose result is nothing. Parameters are shared by
/// name across the batch: two statements may name the same parameter only with the same value, so an owner prefixes
/// names that others could use.
/// </summary>
public sealed class SqlBatch
{
    private readonly List<string> statements = [];
    private readonly Dictionary<string, object?> args = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Func<SqlMapper.GridReader, Task>> readers = [];

    /// <summary>The statements gathered so far, as they will be sent (for the plan tests and the logs).</summary>
    public IReadOnlyList<string> Statements => statements;

    /// <summary>A statement that returns no rows (INSERT, UPDATE, DELETE without RETURNING); a SELECT goes through <see cref="Select"/> or <see cref="Read"/>.</summary>
    public SqlBatch Execute(string sql, object? parameters = null)
    {
        Add(sql, parameters);
        return this;
    }

    /// <summary>
    /// A SELECT run for what it does, not for its rows (an advisory lock): its rows are read and dropped, so the reads
    /// after it get their own results.
    /// </summary>
    public SqlBatch Select(string sql, object? parameters = null)
    {
        Read(sql, parameters, async grid => (await grid.ReadAsync()).Count());
        return this;
    }

    /// <summary>A statement that returns rows, read by <paramref name="read"/> when the batch has run.</summary>
    public Pending<T> Read<T>(string sql, object? parameters, Func<SqlMapper.GridReader, Task<T>> read)
    {
        Add(sql, parameters);
        var pending = new Pending<T>();
        readers.Add(async grid => pending.Set(await read(grid)));
        return pending;
    }

    /// <summary>Sends the batch (nothing when it is empty) and reads every result; the batch is empty again afterwards.</summary>
    public async Task RunAsync(NpgsqlConnection conn, NpgsqlTransaction? tx)
    {
        if (statements.Count == 0) return;
        var parameters = new DynamicParameters();
        foreach (var (name, value) in args) parameters.Add(name, value);
        var sql = string.Join(";\n", statements);
        var toRead = readers.ToList();
        statements.Clear();
        args.Clear();
        readers.Clear();
        await using var grid = await conn.QueryMultipleAsync(sql, parameters, tx);
        foreach (var read in toRead) await read(grid);
    }

    private void Add(string sql, object? parameters)
    {
        statements.Add(sql.Trim().TrimEnd(';'));
        if (parameters is null) return;
        var named = parameters as IEnumerable<KeyValuePair<string, object?>>
            ?? parameters.GetType().GetProperties().Select(p => KeyValuePair.Create(p.Name, p.GetValue(parameters)));
        foreach (var (name, value) in named)
        {
            if (args.TryGetValue(name, out var existing) && !StructuralComparisons.StructuralEqualityComparer.Equals(existing, value))
                throw new ArgumentException($"@{name} is given two values in one batch; prefix one of them", nameof(parameters));
            args[name] = value;
        }
    }

    /// <summary>A read's result, there once the batch has run.</summary>
    public sealed class Pending<T>
    {
        private T? value;
        private bool done;

        public T Value => done ? value! : throw new InvalidOperationException("the batch holding this read has not run yet");

        internal void Set(T v)
        {
            value = v;
            done = true;
        }
    }
}
