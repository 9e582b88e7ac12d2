using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Core.Storage;

/// <summary>
/// Durable metadata, all aggregates behind one schema. Use cases depend on the narrow store of their
/// aggregate (<see cref="IKeyStore"/>, <see cref="IExecutionStore"/>, <see cref="IQueryStore"/>,
/// <see cref="ITableStore"/>, <see cref="ITablePartStore"/>, <see cref="IUsageStore"/>, <see cref="IEndpointStore"/>, <see cref="IViewStore"/>, <see cref="IPipelineStore"/>); this union is what an implementation provides and
/// what start-up initialises.
/// </summary>
public interface IMetadataStore : IKeyStore, IExecutionStore, IQueryStore, ITableStore, ITablePartStore, IUsageStore, IEndpointStore, IViewStore, IPipelineStore
{
    /// <summary>Creates or migrates the schema. Called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}

/// <summary>API keys (only their hashes are stored).</summary>
public interface IKeyStore
{
    Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken);

    Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken);

    Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken);

    /// <summary>Records that a key was used at <paramref name="at"/> (shown by <c>strata keys list</c>);
    /// an earlier time than the stored one changes nothing.</summary>
    Task MarkKeyUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Executions and their idempotency records. Every write is committed before the call returns, so an accepted execution survives a crash.</summary>
public interface IExecutionStore
{
    /// <summary>Inserts an execution. With an idempotency record, both commit together; when the key is
    /// already taken nothing is inserted and the existing record is returned instead.</summary>
    Task<IdempotencyRecord?> InsertExecutionAsync(Execution execution, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    /// <summary>A live idempotency record (newer than the given time), if any.</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string owner, string key, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>The newest execution with this reuse key that is in flight, or completed at or after the given time.</summary>
    Task<Execution?> FindReusableAsync(string reuseKey, DateTimeOffset completedNotBefore, CancellationToken cancellationToken);

    /// <summary>Executions of one version of a saved query by one owner, newest first.</summary>
    Task<IReadOnlyList<Execution>> ListQueryExecutionsAsync(long queryId, int version, string owner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's newest execution of one version of a saved query whose parameter values include
    /// <paramref name="parameterValues"/> (name → JSON array of normalised values, as stored), or its
    /// newest with a result when one has one.
    /// </summary>
    Task<Execution?> FindLatestQueryExecutionAsync(long queryId, int version, string owner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="FindLatestQueryExecutionAsync"/>, among the runs anyone may read of a public query: the runs of its owner
    /// (<paramref name="queryOwner"/>) and the runs of anyone else that read nothing private of their runner
    /// (<see cref="Execution.RunnerPrivate"/> false).
    /// </summary>
    Task<Execution?> FindLatestSharedQueryExecutionAsync(long queryId, int version, string queryOwner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken);

    Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Moves PENDING to EXECUTING and counts the attempt. False when it was not pending.</summary>
    Task<bool> TryStartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Ends an execution that is not yet terminal. False when it already was.</summary>
    Task<bool> TryFinishAsync(string id, ExecutionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Executions left PENDING or EXECUTING, oldest first, for restart recovery.</summary>
    Task<IReadOnlyList<Execution>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Puts an interrupted EXECUTING execution back to PENDING.</summary>
    Task RequeueAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks completed executions whose results expired before the given time EXPIRED; returns the result keys of
    /// their files (<see cref="Executions.ResultKeys"/>: the id, with the run that wrote them when runs are told apart).
    /// </summary>
    Task<IReadOnlyList<string>> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The owner's executions whose results are stored and not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> StoredResultIdsAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Saved queries and their versions.</summary>
public interface IQueryStore
{
    Task<long> CreateQueryAsync(SavedQuery query, CancellationToken cancellationToken);

    Task<SavedQuery?> GetQueryAsync(long id, CancellationToken cancellationToken);

    Task UpdateQueryAsync(SavedQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's queries ordered by id, only what a listing shows (<see cref="SavedQuerySummary"/>): those with an id
    /// past <paramref name="afterId"/>, skipping <paramref name="offset"/>, at most <paramref name="limit"/>; and how many
    /// queries the owner has.
    /// </summary>
    Task<(IReadOnlyList<SavedQuerySummary> Queries, long Total)> ListQueriesAsync(string owner, long afterId, int offset, int limit, CancellationToken cancellationToken);
}

/// <summary>Query endpoints: saved queries published under an owner's slug.</summary>
public interface IEndpointStore
{
    /// <summary>Creates the endpoint, or replaces the one of that owner and slug keeping its creation time; returns what is stored.</summary>
    Task<QueryEndpoint> UpsertEndpointAsync(QueryEndpoint endpoint, CancellationToken cancellationToken);

    Task<QueryEndpoint?> GetEndpointAsync(string owner, string slug, CancellationToken cancellationToken);

    /// <summary>An owner's endpoints ordered by slug, and how many there are.</summary>
    Task<(IReadOnlyList<QueryEndpoint> Endpoints, long Total)> ListEndpointsAsync(string owner, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>Removes the endpoint; false when there was none.</summary>
    Task<bool> DeleteEndpointAsync(string owner, string slug, CancellationToken cancellationToken);
}

/// <summary>Uploaded, ingested and view tables (name, owner, schema, privacy, sizes); their part files are <see cref="ITablePartStore"/>'s.</summary>
public interface ITableStore
{
    /// <summary>The table of that namespace and name, with its row count and stored bytes.</summary>
    Task<UploadTable?> GetTableAsync(string ns, string name, CancellationToken cancellationToken);

    /// <summary>Creates the table unless one of that name exists; returns the table that now holds the name.</summary>
    Task<UploadTable> CreateTableAsync(UploadTable table, CancellationToken cancellationToken);

    /// <summary>In one transaction: drops any table of the same name and creates this one with the given part (if any).
    /// Returns the part files that no table lists any more.</summary>
    Task<IReadOnlyList<string>> ReplaceTableAsync(UploadTable table, TablePart? part, CancellationToken cancellationToken);

    /// <summary>Removes every part of the table; returns their files.</summary>
    Task<IReadOnlyList<string>> ClearTableAsync(string tableId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the table and its parts; returns the files.</summary>
    Task<IReadOnlyList<string>> DeleteTableAsync(string tableId, CancellationToken cancellationToken);

    /// <summary>Makes the table private or public, keeping its parts; false when the table is gone.</summary>
    Task<bool> SetTablePrivateAsync(string tableId, bool isPrivate, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>An owner's tables, newest first, and how many there are.</summary>
    Task<(IReadOnlyList<UploadTable> Tables, long Total)> ListTablesAsync(string owner, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>The tables a caller may query (its own and every public one), with row counts and bytes, ordered by namespace and name.</summary>
    Task<IReadOnlyList<UploadTable>> ListVisibleTablesAsync(string caller, CancellationToken cancellationToken);

    /// <summary>The tables an owner's query may read (its own and every public one), with their part files, in one snapshot.</summary>
    Task<IReadOnlyList<TableSnapshot>> VisibleTablesAsync(string owner, CancellationToken cancellationToken);

    /// <summary>How many tables an owner has.</summary>
    Task<int> CountTablesAsync(string owner, CancellationToken cancellationToken);
}

/// <summary>
/// The part files of uploaded and ingested tables: adding, listing and counting parts, compaction's swap and the
/// commits of ingested batches across tables. What a table's rows are; <see cref="ITableStore"/> keeps the tables.
/// </summary>
public interface ITablePartStore
{
    /// <summary>Adds a part to a table, making its rows visible; false when the table is gone.</summary>
    Task<bool> AddPartAsync(TablePart part, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every part file any table lists.</summary>
    Task<IReadOnlySet<string>> AllPartFilesAsync(CancellationToken cancellationToken);

    /// <summary>How many part files a table lists.</summary>
    Task<int> CountPartsAsync(string tableId, CancellationToken cancellationToken);

    /// <summary>The table's parts, oldest first.</summary>
    Task<IReadOnlyList<TablePart>> PartsAsync(string tableId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: removes the listed parts and adds <paramref name="merged"/> in their place
    /// (the compaction of a table). False, changing nothing, when any listed part is gone.
    /// </summary>
    Task<bool> SwapPartsAsync(string tableId, IReadOnlyList<string> replaced, TablePart merged, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction, across tables: removes the <paramref name="removed"/> parts and adds the
    /// <paramref name="added"/> ones (an ingested batch of blocks for all of a chain's tables, or a
    /// rewrite of some of them), touching each table's update time. False, changing nothing, when a
    /// removed part or a table is gone.
    /// </summary>
    Task<bool> CommitPartsAsync(IReadOnlyList<TablePart> added, IReadOnlyList<TablePart> removed, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>An owner's stored bytes and activity, read across executions and tables.</summary>
public interface IUsageStore
{
    /// <summary>An owner's stored bytes and activity since the given time.</summary>
    Task<UsageFigures> UsageAsync(string owner, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's executions submitted in [<paramref name="from"/>, <paramref name="until"/>), counted per UTC
    /// calendar month; each key is the month's first day. Months with none are absent.
    /// </summary>
    Task<IReadOnlyDictionary<DateOnly, long>> ExecutionsByMonthAsync(string owner, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>How an execution ended.</summary>
public sealed record ExecutionOutcome(
    ExecutionState State,
    DateTimeOffset EndedAt,
    DateTimeOffset? ExpiresAt = null,
    ExecutionError? Error = null,
    ResultInfo? Result = null,
    bool Started = true,
    bool RunnerPrivate = true);

/// <summary>An Idempotency-Key seen on execute: which request (hash) it named and which execution it made.</summary>
public sealed record IdempotencyRecord(string Owner, string Key, string RequestHash, string ExecutionId, DateTimeOffset CreatedAt);

/// <summary>A stored API key (the key itself is never stored, only its hash).</summary>
public sealed record ApiKeyInfo(long Id, string Handle, string KeyPrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>When the key last authenticated a request, to the minute (null: never).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
