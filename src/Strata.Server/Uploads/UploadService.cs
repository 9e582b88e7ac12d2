using Strata.Application.Configuration;
using Microsoft.Extensions.Options;
using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Core.Threading;
using Strata.Core.Uploads;

namespace Strata.Server.Uploads;

/// <summary>A table of that name exists with another schema.</summary>
public sealed class TableConflictException(string message) : Exception(message);

/// <summary>No table of that name (or not one the caller may write).</summary>
public sealed class TableNotFoundException(string fullName) : Exception($"Table {fullName} not found");

/// <summary>What an insert did.</summary>
public sealed record InsertOutcome(long RowsWritten, long BytesWritten, string Name);

/// <summary>
/// The privileged write path for uploaded tables. Bodies are spooled to disk, converted by the
/// loader into a new immutable part, and the part is committed to the metadata store in one
/// transaction; writes to one table are serialised by a per-table lock.
/// </summary>
public sealed class UploadService(
    IMetadataStore store, ITableLoader loader, PartFiles files, IOptions<StrataOptions> options, IOptions<TableQuotaOptions> quotaOptions,
    StorageUsage usage, PartCompactor compactor, TimeProvider time, ILogger<UploadService> logger) : ITableSnapshots
{
    private readonly KeyedLocks locks = new();
    private readonly StrataOptions settings = options.Value;
    private readonly TableQuotaOptions quotas = quotaOptions.Value;

    /// <summary>Serialises table creation per owner, so the table count cannot pass its limit by a race.</summary>
    private static string OwnerKey(string owner) => "owner:" + owner;

    /// <summary>Refuses a new table when the owner has <see cref="TableQuotaOptions.TablesPerOwner"/> already.</summary>
    private async Task CheckTableCountAsync(string owner, CancellationToken cancellationToken)
    {
        int count = await store.CountTablesAsync(owner, cancellationToken).ConfigureAwait(false);
        if (count >= quotas.TablesPerOwner)
        {
            throw new UploadRejectedException(
                $"Table limit reached: an owner may have at most {quotas.TablesPerOwner} tables (Strata:Quotas:TablesPerOwner) and you have {count}; delete one first.");
        }
    }

    /// <summary>Runs an upload step; a full disk becomes <see cref="DiskFullException"/> ("disk full ...").</summary>
    private static async Task<T> OnDiskAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DiskFullException && e is not OperationCanceledException && DiskFullException.Is(e))
        {
            throw new DiskFullException("disk full: the server has no space left to store this upload; the table is unchanged", e);
        }
    }

    private static string LockKey(string ns, string name) => $"{ns}.{name}";

    public async Task<(UploadTable Table, bool AlreadyExisted)> CreateAsync(
        string owner, string ns, string name, IReadOnlyList<UploadColumn> columns, string description, bool isPrivate, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var table = new UploadTable(ExecutionIds.New(now), owner, ns, name, description, isPrivate, columns, now, now);
        using var creating = await locks.LockAsync(OwnerKey(owner), cancellationToken).ConfigureAwait(false);
        using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
        if (await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false) is null)
        {
            await CheckTableCountAsync(owner, cancellationToken).ConfigureAwait(false);
        }
        var stored = await store.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
        if (stored.Id == table.Id)
        {
            return (stored, false);
        }
        if (!stored.SameSchema(columns))
        {
            throw new TableConflictException(
                $"Table {stored.FullName} already exists with a different schema ({Describe(stored.Columns)}); delete it first or use the same schema.");
        }
        return (stored, true);
    }

    /// <summary>Creates or replaces <c>dataset_&lt;name&gt;</c> from CSV text, types inferred.</summary>
    public Task<(UploadTable Table, long Rows)> UploadCsvAsync(
        string owner, string name, string data, string description, bool isPrivate, CancellationToken cancellationToken) =>
        OnDiskAsync(() => UploadCsvCoreAsync(owner, name, data, description, isPrivate, cancellationToken));

    private async Task<(UploadTable Table, long Rows)> UploadCsvCoreAsync(
        string owner, string name, string data, string description, bool isPrivate, CancellationToken cancellationToken)
    {
        string spool = files.NewIncoming(".csv");
        try
        {
            await File.WriteAllTextAsync(spool, data, cancellationToken).ConfigureAwait(false);
            var columns = await loader.InferCsvAsync(spool, settings.MaxUploadColumns, cancellationToken).ConfigureAwait(false);
            CheckColumnCount(columns.Count);
            var now = time.GetUtcNow();
            var table = new UploadTable(ExecutionIds.New(now), owner, owner, name, description, isPrivate, columns, now, now);
            long rows = await ReplaceWithPartCoreAsync(table, (path, token) => loader.LoadByPositionAsync(spool, columns, path, token), cancellationToken).ConfigureAwait(false);
            return (table, rows);
        }
        finally
        {
            File.Delete(spool);
        }
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
            if (old is null)
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
            File.Delete(files.PathOf(part));
            throw;
        }
    }

    /// <summary>Appends a CSV or NDJSON body to a table, all or nothing.</summary>
    public Task<InsertOutcome> InsertAsync(string ns, string name, Stream body, string? contentType, CancellationToken cancellationToken) =>
        OnDiskAsync(() => InsertCoreAsync(ns, name, body, contentType, cancellationToken));

    private async Task<InsertOutcome> InsertCoreAsync(string ns, string name, Stream body, string? contentType, CancellationToken cancellationToken)
    {
        var table = await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new TableNotFoundException(UploadNames.FullName(ns, name));
        string spool = files.NewIncoming(".body");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            long bytes;
            bytes = await SpoolAsync(body, spool, cancellationToken).ConfigureAwait(false);
            var format = FormatOf(contentType, spool);
            long spoolMs = clock.ElapsedMilliseconds;
            using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
            // The table may have been replaced or deleted while the body arrived.
            table = await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false)
                ?? throw new TableNotFoundException(UploadNames.FullName(ns, name));
            await CheckPartCountAsync(table, cancellationToken).ConfigureAwait(false);
            string part = files.NewPart(table.Id);
            long convertStart = clock.ElapsedMilliseconds;
            long rows;
            try
            {
                rows = await loader.LoadAsync(spool, format, table.Columns, files.PathOf(part), cancellationToken).ConfigureAwait(false);
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
                if (p is not null && !await store.AddPartAsync(p, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
                {
                    throw new TableNotFoundException(current.FullName);
                }
                return [];
            }, cancellationToken).ConfigureAwait(false);
            UploadLog.Inserted(logger, rows, bytes, table.FullName, spoolMs, commitStart - convertStart, clock.ElapsedMilliseconds - commitStart);
            await TryCompactAsync(table, cancellationToken).ConfigureAwait(false);
            return new InsertOutcome(rows, bytes, table.FullName);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Refuses an insert into a table at <see cref="TableQuotaOptions.PartsPerTable"/> parts, after trying to compact it.</summary>
    private async Task CheckPartCountAsync(UploadTable table, CancellationToken cancellationToken)
    {
        int count = await store.CountPartsAsync(table.Id, cancellationToken).ConfigureAwait(false);
        if (count < quotas.PartsPerTable)
        {
            return;
        }
        await TryCompactAsync(table, cancellationToken).ConfigureAwait(false);
        count = await store.CountPartsAsync(table.Id, cancellationToken).ConfigureAwait(false);
        if (count >= quotas.PartsPerTable)
        {
            throw new UploadRejectedException(
                $"Part limit reached: table {table.FullName} has {count} parts and a table may have at most {quotas.PartsPerTable} (Strata:Quotas:PartsPerTable); insert larger batches, or clear or replace the table.");
        }
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
    /// Copies the body to the spool file: asynchronous socket reads, plain writes into the page
    /// cache (no fsync: a spooled body that a crash loses was never accepted).
    /// </summary>
    private static async Task<long> SpoolAsync(Stream body, string spool, CancellationToken cancellationToken)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                file.Write(buffer, 0, read);
                total += read;
            }
            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Commits a converted part (none when it holds no rows) after checking the owner's quota; on
    /// any failure the part file is deleted, so nothing uncommitted stays behind.
    /// </summary>
    private async Task<IReadOnlyList<string>> CommitPartAsync(
        UploadTable table, string part, long rows, long freedBytes, Func<UploadTable, TablePart?, Task<IReadOnlyList<string>>> commit, CancellationToken cancellationToken)
    {
        string path = files.PathOf(part);
        try
        {
            TablePart? tablePart = null;
            if (rows > 0)
            {
                long size = new FileInfo(path).Length;
                var used = await usage.MeasureAsync(table.Owner, cancellationToken).ConfigureAwait(false);
                if (used.Total - freedBytes + size > settings.StorageBytesAllowed)
                {
                    throw new UploadRejectedException(
                        $"Storage quota exceeded: {used.Total} bytes used ({used.TableBytes} in tables, {used.ResultBytes} in results) plus {size} for this upload is over the {settings.StorageBytesAllowed} bytes allowed (Strata:StorageBytesAllowed).");
                }
                tablePart = new TablePart(table.Id, part, rows, size);
            }
            else
            {
                File.Delete(path);
            }
            return await commit(table, tablePart).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Task<string> ClearAsync(string ns, string name, CancellationToken cancellationToken) =>
        DropPartsAsync(ns, name, id => store.ClearTableAsync(id, time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<string> DeleteAsync(string ns, string name, CancellationToken cancellationToken) =>
        DropPartsAsync(ns, name, id => store.DeleteTableAsync(id, cancellationToken), cancellationToken);

    /// <summary>Under the table's lock: applies a change that drops parts, then deletes their files once unheld.</summary>
    private async Task<string> DropPartsAsync(string ns, string name, Func<string, Task<IReadOnlyList<string>>> change, CancellationToken cancellationToken)
    {
        using var held = await locks.LockAsync(LockKey(ns, name), cancellationToken).ConfigureAwait(false);
        var table = await store.GetTableAsync(ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new TableNotFoundException(UploadNames.FullName(ns, name));
        files.Drop(await change(table.Id).ConfigureAwait(false));
        return table.FullName;
    }

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

    public void CheckColumnCount(int count)
    {
        if (count > settings.MaxUploadColumns)
        {
            throw new UploadRejectedException($"A table may have at most {settings.MaxUploadColumns} columns; this one has {count}.");
        }
    }

    /// <summary>The body's format: from its Content-Type when that names one, else from its first non-blank byte.</summary>
    private static UploadFormat FormatOf(string? contentType, string spool)
    {
        string type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type is "text/csv" or "application/csv" or "text/comma-separated-values")
        {
            return UploadFormat.Csv;
        }
        if (type is "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines")
        {
            return UploadFormat.NdJson;
        }
        using var stream = File.OpenRead(spool);
        int b;
        while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }
        return b == '{' ? UploadFormat.NdJson : UploadFormat.Csv;
    }

    private static string Describe(IReadOnlyList<UploadColumn> columns) =>
        string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}{(c.Nullable ? "" : " not null")}"));
}
