using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Core.Storage;

/// <summary>
/// Every row of a metadata store, kind by kind, for copying it into another store
/// (<c>strata migrate-metadata</c>). Rows come in the order they were made (ids, sequence), so a copy keeps
/// the queue's order and "newest first" listings. Each kind is streamed, never held whole.
/// </summary>
public interface IMetadataExport
{
    IAsyncEnumerable<StoredApiKey> ExportKeysAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<SavedQuery> ExportQueriesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<Execution> ExportExecutionsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<IdempotencyRecord> ExportIdempotencyKeysAsync(CancellationToken cancellationToken);

    /// <summary>Tables without their row counts (those are their parts').</summary>
    IAsyncEnumerable<UploadTable> ExportTablesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<TablePart> ExportPartsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<QueryEndpoint> ExportEndpointsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<StoredView> ExportViewsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<PipelineRun> ExportPipelinesAsync(CancellationToken cancellationToken);
}

/// <summary>An API key as stored: its public record and its hash.</summary>
public sealed record StoredApiKey(ApiKeyInfo Info, string KeyHash);

/// <summary>A materialized view as stored, with whether its newest refresh has been applied to its table.</summary>
public sealed record StoredView(MaterializedView View, bool Applied);

/// <summary>How many rows of each kind a copy wrote.</summary>
public sealed record MetadataCopyCounts(
    long Keys, long Queries, long Executions, long IdempotencyKeys, long Tables, long Parts, long Endpoints, long Views, long Pipelines)
{
    /// <summary>Each kind with its count, in copy order.</summary>
    public IEnumerable<(string Kind, long Count)> ByKind() =>
    [
        ("keys", Keys), ("queries", Queries), ("executions", Executions), ("idempotency keys", IdempotencyKeys),
        ("tables", Tables), ("table parts", Parts), ("endpoints", Endpoints), ("materialized views", Views), ("pipelines", Pipelines),
    ];
}
