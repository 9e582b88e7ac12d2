using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Metadata.Sqlite;

/// <summary>Every row, kind by kind and in the order made, for <c>strata migrate-metadata</c>.</summary>
public sealed partial class SqliteMetadataStore : IMetadataExport
{
    public IAsyncEnumerable<StoredApiKey> ExportKeysAsync(CancellationToken cancellationToken) =>
        StreamAsync("SELECT id, handle, key_prefix, created_at, revoked_at, last_used_at, key_hash FROM api_keys ORDER BY id",
            r => new StoredApiKey(ReadKey(r), r.GetString(6)), cancellationToken);

    public IAsyncEnumerable<SavedQuery> ExportQueriesAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {QueryColumns} FROM queries ORDER BY id", ReadQuery, cancellationToken);

    public IAsyncEnumerable<Execution> ExportExecutionsAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {ExecutionColumns} FROM executions ORDER BY seq", ReadExecution, cancellationToken);

    public IAsyncEnumerable<IdempotencyRecord> ExportIdempotencyKeysAsync(CancellationToken cancellationToken) =>
        StreamAsync("SELECT owner, key, request_hash, execution_id, created_at FROM idempotency_keys ORDER BY created_at, owner, key",
            r => new IdempotencyRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Parse(r.GetString(4))), cancellationToken);

    public IAsyncEnumerable<UploadTable> ExportTablesAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {TableColumns} FROM upload_tables t ORDER BY t.created_at, t.id", ReadTable, cancellationToken);

    public IAsyncEnumerable<TablePart> ExportPartsAsync(CancellationToken cancellationToken) =>
        StreamAsync("SELECT table_id, file, rows, bytes FROM upload_parts ORDER BY seq",
            r => new TablePart(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);

    public IAsyncEnumerable<QueryEndpoint> ExportEndpointsAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {EndpointColumns} FROM query_endpoints ORDER BY owner, slug", ReadEndpoint, cancellationToken);

    public IAsyncEnumerable<StoredView> ExportViewsAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {ViewColumns}, applied FROM materialized_views ORDER BY owner, name",
            r => new StoredView(ReadView(r), r.GetInt64(13) != 0), cancellationToken);

    public IAsyncEnumerable<PipelineRun> ExportPipelinesAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {PipelineColumns} FROM pipeline_executions ORDER BY submitted_at, id", ReadPipeline, cancellationToken);

    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, Func<SqliteDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }
}
