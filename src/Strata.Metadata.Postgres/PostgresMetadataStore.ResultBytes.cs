using Npgsql;
using NpgsqlTypes;
using Strata.Core.Executions;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>
/// The result bytes every node shares (schema step 3): a row per result file and a total per owner, kept equal to
/// the rows' sum by a trigger in the same transaction. The usage figures read the total.
/// </summary>
public sealed partial class PostgresMetadataStore : IResultBytesStore
{
    /// <summary>States whose executions may hold result files: running (being written) or stored until they expire.</summary>
    private const string HoldingStates = "'QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING', 'QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL'";

    public void RecordResultFile(string executionId, string extension, long bytes) => Run(connection =>
    {
        // The owner comes from the execution's row; a result of no execution (gone) is not counted.
        using var command = Command(connection, null, """
            INSERT INTO result_files (execution_id, extension, owner, bytes)
            SELECT id, @extension, owner, @bytes FROM executions WHERE id = @id
            ON CONFLICT (execution_id, extension) DO UPDATE SET bytes = excluded.bytes
            """);
        command.Text("id", executionId).Text("extension", extension).Int("bytes", Math.Max(0, bytes));
        return command.ExecuteNonQuery();
    });

    /// <summary>Forgets the files of an execution, or of one run of it when <paramref name="executionId"/> is a result key with a run.</summary>
    public void ForgetResultFiles(string executionId) => Run(connection =>
    {
        using var command = Command(connection, null,
            "DELETE FROM result_files WHERE execution_id = @id AND (@run = '' OR starts_with(extension, @run || '.'))");
        command.Text("id", ResultKeys.ExecutionOf(executionId)).Text("run", ResultKeys.RunSuffixOf(executionId));
        return command.ExecuteNonQuery();
    });

    public Task<ResultBytesReconciled> ReconcileResultBytesAsync(Func<string, IEnumerable<(string Extension, long Bytes)>> measure, int limit, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            int removed;
            await using (var stale = Command(connection, null, $"""
                DELETE FROM result_files f
                WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = f.execution_id AND e.state IN ({HoldingStates}))
                """))
            {
                removed = await stale.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            // Each result is measured under the key of the run that wrote it (ResultKeys), its rows under the run's suffix.
            var missing = await ReadAllAsync(connection, null, """
                SELECT e.id || coalesce('.' || (e.result_json::jsonb ->> 'Run'), '') FROM executions e
                WHERE e.state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') AND e.result_json IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM result_files f WHERE f.execution_id = e.id)
                ORDER BY e.id
                LIMIT @limit
                """, c => c.Int("limit", limit), r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            int measured = 0;
            foreach (string key in missing)
            {
                string id = ResultKeys.ExecutionOf(key), run = ResultKeys.RunSuffixOf(key);
                var files = measure(key).Where(f => f.Bytes >= 0).Select(f => (Extension: run + f.Extension, f.Bytes)).ToList();
                if (files.Count == 0)
                {
                    // Stored, but nothing on disk: marked measured, so that it is not measured again.
                    files.Add((string.Empty, 0));
                }
                // One statement per result, with the execution's row share-locked and its state checked again: an expiry
                // committed before it is seen (nothing recorded), one committing after it waits for it and then
                // removes the rows with the files.
                await using var record = Command(connection, null, $"""
                    INSERT INTO result_files (execution_id, extension, owner, bytes)
                    SELECT e.id, x.extension, e.owner, x.bytes
                    FROM (SELECT id, owner FROM executions
                          WHERE id = @id AND state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') FOR SHARE) e
                    CROSS JOIN unnest(@extensions, @sizes) AS x(extension, bytes)
                    ON CONFLICT (execution_id, extension) DO NOTHING
                    """);
                record.Text("id", id).TextArray("extensions", files.Select(f => f.Extension).ToList());
                record.Parameters.Add(new NpgsqlParameter("sizes", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = files.Select(f => f.Bytes).ToArray() });
                if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
                {
                    measured++;
                }
            }
            return new ResultBytesReconciled(removed, measured);
        }, cancellationToken);

    /// <summary>The blocking form of <see cref="RunAsync{T}"/>, for callers that report from synchronous code.</summary>
    private T Run<T>(Func<NpgsqlConnection, T> body)
    {
        try
        {
            return PostgresConnections.Run(dataSource, body);
        }
        catch (Exception e) when (e is not MetadataUnavailableException && PostgresConnections.IsUnavailable(e))
        {
            throw PostgresConnections.Unavailable(Database, e);
        }
    }
}
