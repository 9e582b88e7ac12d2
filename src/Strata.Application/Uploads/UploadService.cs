using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Application.Observability;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Core.Threading;
using Strata.Core.Uploads;

namespace Strata.Application.Uploads;

/// <summary>
/// The uploaded-tables use cases: create, upload CSV, insert, clear, delete, list, and the snapshot a
/// query reads. The privileged write path: bodies are spooled by <see cref="IPartFiles"/>, converted by
/// the loader into a new immutable part, and the part is committed to the table store in one
/// transaction; writes to one table are serialised by a per-table lock. Expected failures are
/// <see cref="UseCaseException"/>s.
/// </summary>
public sealed partial class UploadService(
    ITableStore store, ITablePartStore tableParts, ITableLoader loader, IPartFiles files, IEngineNames names, IOptions<StrataOptions> options, IOptions<TableQuotaOptions> quotaOptions,
    StorageUsage usage, PartCompactor compactor, TimeProvider time, ILogger<UploadService> logger,
    Observability.StrataMetrics? metrics = null, Core.Views.IViewStore? views = null) : ITableSnapshots
{
    private readonly KeyedLocks locks = new();
    private readonly StrataOptions settings = options.Value;
    private readonly TableQuotaOptions quotas = quotaOptions.Value;

    /// <summary>Serialises table creation per owner, so the table count cannot pass its limit by a race.</summary>
    private static string OwnerKey(string owner) => "owner:" + owner;

    private static string LockKey(string ns, string name) => $"{ns}.{name}";

    private static UseCaseException NotFound(string fullName) => new(UseCaseError.NotFound, $"Table {fullName} not found");

    /// <summary>Creates a table with a declared schema; the same request again answers the existing table.</summary>
    public Task<CreateTableResult> CreateAsync(CreateTableRequest request, CancellationToken cancellationToken) =>
        OnDiskAsync(() => CreateCoreAsync(request, cancellationToken));

    /// <summary>The checks of a create that need no store: namespace, name and schema; a refusal throws.</summary>
    public (string Namespace, string Name, List<UploadColumn> Columns) CheckCreate(CreateTableRequest request)
    {
        string ns = string.IsNullOrEmpty(request.Namespace) ? throw Invalid("namespace is required") : request.Namespace;
        string name = TableName(request.TableName, "table_name");
        CheckNamespace(request.Owner, ns);
        CheckDescription(request.Description);
        return (ns, name, Columns(request.Schema));
    }

    private async Task<CreateTableResult> CreateCoreAsync(CreateTableRequest request, CancellationToken cancellationToken)
    {
        var (ns, name, columns) = CheckCreate(request);
        await CheckNotViewTableAsync(ns, name, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var table = new UploadTable(ExecutionIds.New(now), request.Owner, ns, name, request.Description ?? "", request.IsPrivate ?? false, columns, now, now);
        using var creating = await locks.LockAsync(OwnerKey(request.Owner), cancellationToken).ConfigureAwait(false);
        using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
        if (await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false) is null)
        {
            await CheckTableCountAsync(request.Owner, cancellationToken).ConfigureAwait(false);
        }
        var stored = Writable(await store.CreateTableAsync(table, cancellationToken).ConfigureAwait(false), request.Owner);
        if (stored.Id == table.Id)
        {
            return new CreateTableResult(stored, false);
        }
        if (!stored.SameSchema(columns))
        {
            throw new UseCaseException(UseCaseError.Conflict,
                $"Table {stored.FullName} already exists with a different schema ({Describe(stored.Columns)}); delete it first or use the same schema.");
        }
        return new CreateTableResult(stored, true);
    }

    /// <summary>Creates or replaces <c>dataset_&lt;name&gt;</c> in the owner's namespace from CSV text, types inferred.</summary>
    public Task<CsvUploadResult> UploadCsvAsync(CsvUploadRequest request, CancellationToken cancellationToken) =>
        OnDiskAsync(() => UploadCsvCoreAsync(request, cancellationToken));

    private async Task<CsvUploadResult> UploadCsvCoreAsync(CsvUploadRequest request, CancellationToken cancellationToken)
    {
        string name = UploadNames.DatasetPrefix + TableName(request.TableName, "table_name");
        if (!UploadNames.IsValid(name))
        {
            throw Invalid($"table_name is too long: with the '{UploadNames.DatasetPrefix}' prefix it must stay within {UploadNames.MaxLength} characters");
        }
        if (request.Data is null)
        {
            throw Invalid("data is required: CSV text with a header row");
        }
        string owner = request.Owner;
        CheckNamespace(owner, owner);
        CheckDescription(request.Description);
        var spool = request.Data;
        var columns = await loader.InferCsvAsync(spool.Path, settings.MaxUploadColumns, cancellationToken).ConfigureAwait(false);
        CheckColumnCount(columns.Count);
        var now = time.GetUtcNow();
        var table = new UploadTable(ExecutionIds.New(now), owner, owner, name, request.Description ?? "", request.IsPrivate ?? false, columns, now, now);
        long rows = await ReplaceWithPartCoreAsync(table, (path, token) => loader.LoadByPositionAsync(spool.Path, columns, path, token), cancellationToken).ConfigureAwait(false);
        return new CsvUploadResult(table, rows);
    }

    /// <summary>
    /// Replaces the table of <paramref name="table"/>'s name with a new one holding one part, written by
    /// <paramref name="writePart"/> to the path it is given (durably; returns its rows), in one commit, under
    /// the table's lock and the owner's table and storage quotas. A query already running keeps the old rows.
    /// </summary>
    public Task<long> ReplaceWithPartAsync(UploadTable table, Func<string, CancellationToken, Task<long>> writePart, CancellationToken cancellationToken) =>
        OnDiskAsync(() => ReplaceWithPartCoreAsync(table, writePart, cancellationToken));

    private async Task<long> ReplaceWithPartCoreAsync(UploadTable table, Func<string, CancellationToken, Task<long>> writePart, CancellationToken cancellationToken)
    {
        string part = files.NewPart(table.Id);
        try
        {
            long rows = await writePart(files.PathOf(part), cancellationToken).ConfigureAwait(false);
            using var creating = await locks.LockAsync(OwnerKey(table.Owner), cancellationToken).ConfigureAwait(false);
            using var held = await locks.LockAsync(LockKey(table.Namespace, table.Name), cancellationToken).ConfigureAwait(false);
            // A replace frees the old table's bytes: only the growth counts against the quota.
            var old = await store.GetTableAsync(table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
            if (old is not null)
            {
                Writable(old, table.Owner);
            }
            else
            {
                await CheckTableCountAsync(table.Owner, cancellationToken).ConfigureAwait(false);
            }
            var committed = await CommitPartAsync(table, part, rows, old?.Bytes ?? 0, (t, p) => store.ReplaceTableAsync(t, p, cancellationToken), cancellationToken).ConfigureAwait(false);
            files.Drop(committed);
            return rows;
        }
        catch
        {
            // Not committed (a bad value, a dropped client, the quota): the part must not stay behind.
            files.DeleteUncommitted(part);
            throw;
        }
    }

    /// <summary>Appends a CSV or NDJSON body to a table of the caller's namespace, all or nothing.</summary>
    public async Task<InsertOutcome> InsertAsync(InsertRequest request, CancellationToken cancellationToken)
    {
        CheckNamespace(request.Owner, request.Namespace);
        string name = TableName(request.Table, "table");
        await CheckNotViewTableAsync(request.Namespace, name, cancellationToken).ConfigureAwait(false);
        return await OnDiskAsync(() => InsertCoreAsync(request.Owner, request.Namespace, name, request.Body, request.ContentType, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<InsertOutcome> InsertCoreAsync(string owner, string ns, string name, Stream body, string? contentType, CancellationToken cancellationToken)
    {
        var table = Writable(await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false) ?? throw NotFound(UploadNames.FullName(ns, name)), owner);
        var clock = new ElapsedTime(time);
        using var spool = await files.SpoolAsync(body, ".body", cancellationToken).ConfigureAwait(false);
        var format = FormatOf(contentType, spool);
        long spoolMs = clock.ElapsedMilliseconds;
        using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
        // The table may have been replaced or deleted while the body arrived.
        table = Writable(await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false) ?? throw NotFound(UploadNames.FullName(ns, name)), owner);
        await CheckPartCountAsync(table, cancellationToken).ConfigureAwait(false);
        string part = files.NewPart(table.Id);
        long convertStart = clock.ElapsedMilliseconds;
        long rows;
        try
        {
            rows = await loader.LoadAsync(spool.Path, format, table.Columns, files.PathOf(part), cancellationToken).ConfigureAwait(false);
        }
        catch (UploadRejectedException)
        {
            UploadLog.Rejected(logger, table.FullName);
            throw;
        }
        long commitStart = clock.ElapsedMilliseconds;
        var current = table;
        await CommitPartAsync(table, part, rows, 0, async (t, p) =>
        {
            if (p is not null && !await tableParts.AddPartAsync(p, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                throw NotFound(current.FullName);
            }
            return [];
        }, cancellationToken).ConfigureAwait(false);
        UploadLog.Inserted(logger, rows, spool.Bytes, table.FullName, spoolMs, commitStart - convertStart, clock.ElapsedMilliseconds - commitStart);
        await TryCompactAsync(table, cancellationToken).ConfigureAwait(false);
        return new InsertOutcome(rows, spool.Bytes, table.FullName);
    }

    /// <summary>Compacts the table's parts when due (the caller holds its lock). A failure leaves the parts as they were and does not fail the insert.</summary>
    private async Task TryCompactAsync(UploadTable table, CancellationToken cancellationToken)
    {
        try
        {
            await compactor.CompactIfDueAsync(table, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UploadLog.CompactionFailed(logger, e, table.FullName);
        }
        catch (OperationCanceledException)
        {
            // The insert is committed; the next one compacts.
        }
    }

    /// <summary>
    /// Commits a converted part (none when it holds no rows) after checking the owner's quota; on
    /// any failure the part file is deleted, so nothing uncommitted stays behind.
    /// </summary>
    private async Task<IReadOnlyList<string>> CommitPartAsync(
        UploadTable table, string part, long rows, long freedBytes, Func<UploadTable, TablePart?, Task<IReadOnlyList<string>>> commit, CancellationToken cancellationToken)
    {
        try
        {
            TablePart? tablePart = null;
            if (rows > 0)
            {
                long size = files.SizeOf(part);
                await CheckStorageAsync(table.Owner, size, freedBytes, cancellationToken).ConfigureAwait(false);
                tablePart = new TablePart(table.Id, part, rows, size);
            }
            else
            {
                files.DeleteUncommitted(part);
            }
            return await commit(table, tablePart).ConfigureAwait(false);
        }
        catch
        {
            files.DeleteUncommitted(part);
            throw;
        }
    }

    /// <summary>Empties a table of the caller's namespace; answers its full name.</summary>
    public Task<string> ClearAsync(string owner, string ns, string table, CancellationToken cancellationToken) =>
        DropPartsAsync(owner, ns, table, id => store.ClearTableAsync(id, time.GetUtcNow(), cancellationToken), viewTable: false, cancellationToken);

    /// <summary>Deletes a table of the caller's namespace; answers its full name.</summary>
    public Task<string> DeleteAsync(string owner, string ns, string table, CancellationToken cancellationToken) =>
        DropPartsAsync(owner, ns, table, id => store.DeleteTableAsync(id, cancellationToken), viewTable: false, cancellationToken);

    /// <summary>Deletes the table of the owner's materialized view <paramref name="name"/> (the view is being deleted).</summary>
    public Task<string> DeleteViewTableAsync(string owner, string name, CancellationToken cancellationToken) =>
        DropPartsAsync(owner, owner, name, id => store.DeleteTableAsync(id, cancellationToken), viewTable: true, cancellationToken);

    /// <summary>Under the table's lock: applies a change that drops parts, then deletes their files once unheld.</summary>
    private async Task<string> DropPartsAsync(string owner, string ns, string table, Func<string, Task<IReadOnlyList<string>>> change, bool viewTable, CancellationToken cancellationToken)
    {
        CheckNamespace(owner, ns);
        string name = TableName(table, "table");
        if (!viewTable)
        {
            await CheckNotViewTableAsync(ns, name, cancellationToken).ConfigureAwait(false);
        }
        using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
        var found = Writable(await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false) ?? throw NotFound(UploadNames.FullName(ns, name)), owner);
        files.Drop(await change(found.Id).ConfigureAwait(false));
        return found.FullName;
    }

    /// <summary>The table, when the owner may write it: ingested chain data (<see cref="Strata.Core.Ingest.ChainSchema.Owner"/>) is written by <c>strata ingest</c> only.</summary>
    private static UploadTable Writable(UploadTable table, string owner)
    {
        if (table.Owner != owner)
        {
            UseCaseException.Throw(UseCaseError.Forbidden, table.Owner == Strata.Core.Ingest.ChainSchema.Owner
                ? $"{table.Namespace}.{table.Name} is chain data ingested from a node; the uploads API does not write it."
                : $"Not allowed to write to {table.FullName}: it belongs to another owner.");
        }
        return table;
    }

    /// <summary>The owner's tables, a page at a time, with the total.</summary>
    public Task<(IReadOnlyList<UploadTable> Tables, long Total)> ListAsync(string owner, int limit, int offset, CancellationToken cancellationToken) =>
        store.ListTablesAsync(owner, limit, offset, cancellationToken);

    /// <summary>The tables an owner's query may read, with absolute part paths, held until the lease is disposed.</summary>
    public async Task<(IReadOnlyList<TableSnapshot> Tables, IDisposable Lease)> SnapshotAsync(string owner, CancellationToken cancellationToken)
    {
        files.BeginSnapshot();
        IReadOnlyList<TableSnapshot> tables;
        try
        {
            tables = await store.VisibleTablesAsync(owner, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            files.AbandonSnapshot();
            throw;
        }
        var lease = files.Hold(tables.SelectMany(t => t.Files));
        return (tables.Select(t => t with { Files = t.Files.Select(files.PathOf).ToList() }).ToList(), lease);
    }

    /// <summary>A query that runs as it is: a table named like a reserved word is quoted.</summary>
    public string ExampleQuery(UploadTable table)
    {
        string name = names.ReservedWords.Contains(table.Name) ? $"\"{table.Name}\"" : table.Name;
        return $"SELECT * FROM dune.{table.Namespace}.{name} LIMIT 10";
    }
}
