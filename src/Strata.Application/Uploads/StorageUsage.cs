using Strata.Core.Uploads;
using Strata.Application.Configuration;
using Microsoft.Extensions.Options;
using Strata.Application.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;

namespace Strata.Application.Uploads;

/// <summary>An owner's stored bytes as the quota counts them.</summary>
public sealed record StoredBytes(long TableBytes, long ResultBytes, long QueryBytes = 0, long ExecutionTextBytes = 0)
{
    public long Total => TableBytes + ResultBytes + QueryBytes + ExecutionTextBytes;

    /// <summary>The parts of <see cref="Total"/>, for quota messages.</summary>
    public override string ToString() =>
        $"{TableBytes} in tables, {ResultBytes} in results, {QueryBytes} in saved queries, {ExecutionTextBytes} in execution texts";
}

/// <summary>One billing period of <c>/usage</c>: a UTC calendar month, its end exclusive, and the executions submitted in it.</summary>
public sealed record BillingPeriod(DateOnly Start, DateOnly End, long CreditsUsed, long CreditsIncluded);

/// <summary>What <c>/usage</c> reports: the billing periods asked for, and the owner's stored bytes and private queries now.</summary>
public sealed record UsageReport(IReadOnlyList<BillingPeriod> Periods, long BytesUsed, long BytesAllowed, long PrivateQueries);

/// <summary>
/// The storage quota (<c>Strata:StorageBytesAllowed</c>): an owner's uploaded table parts, saved queries (their text
/// as stored, <see cref="Core.Queries.SavedQueryBytes"/>), the text its executions' rows keep (which outlives their
/// results: 30 submissions of 1 MB each added 29 MB to the metadata store outside every quota, hostile5) plus the
/// files of their stored results as they lie on disk, the Arrow result and the Parquet and Arrow
/// stream copies made for downloads, filters and sorting (<c>results/&lt;id&gt;.arrow</c>,
/// <c>.parquet</c>, <c>.arrows</c>).
/// <para>
/// Result bytes are a running total, not a measurement per submit: the result store reports each file
/// it puts in place and each result it deletes (expiry, failure, cancel). An owner's total is counted
/// from disk once, on the owner's first use after start-up; a result written before its owner is known
/// here is attributed with one metadata read. Results count until the expiry sweep deletes them.
/// </para>
/// <para>
/// Nodes sharing a PostgreSQL store (<c>Strata:Metadata</c> set) write and delete results the running total of
/// this node never hears of. There the store keeps one total per owner for every node (<see cref="SharedResultBytes"/>
/// records each file written and deleted) and returns it with the usage figures
/// (<see cref="UsageFigures.ResultFileBytes"/>): one read per call, no file measured, the same figure on every node.
/// </para>
/// </summary>
public sealed class StorageUsage(IExecutionStore executions, IUsageStore store, IResultFileSizes resultFiles, IOptions<StrataOptions> options, TimeProvider time)
    : IResultFileObserver, IStorageQuota
{
    private readonly ResultBytesLedger ledger = new();
    private readonly SemaphoreSlim counting = new(1, 1);

    public long Allowed => options.Value.StorageBytesAllowed;

    /// <summary>Files measured on disk since start-up (the one count per owner; tests: not per submit).</summary>
    public long FilesMeasured => Interlocked.Read(ref filesMeasured);

    private long filesMeasured;

    /// <summary>Results currently counted (tests: deleted results leave nothing behind).</summary>
    internal int ResultsCounted => ledger.Entries;

    public void Written(string executionId, string extension, long bytes) => ledger.Written(executionId, extension, bytes);

    public void Deleted(string executionId) => ledger.Deleted(executionId);

    public async Task<StoredBytes> MeasureAsync(string owner, CancellationToken cancellationToken) =>
        (await MeasureWithFiguresAsync(owner, cancellationToken).ConfigureAwait(false)).Stored;

    /// <summary>The owner's stored bytes, and the store's figures read on the way (one read serves both).</summary>
    private async Task<(StoredBytes Stored, UsageFigures Figures)> MeasureWithFiguresAsync(string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var figures = await store.UsageAsync(owner, now, now, cancellationToken).ConfigureAwait(false);
        long results;
        if (figures.ResultFileBytes is long shared)
        {
            // The store keeps the total for every node (SharedResultBytes records the files): nothing to measure.
            results = shared;
        }
        else
        {
            await CountOnceAsync(owner, now, cancellationToken).ConfigureAwait(false);
            await AttributeAsync(cancellationToken).ConfigureAwait(false);
            results = ledger.TotalOf(owner);
        }
        return (new StoredBytes(figures.TableBytes, results, figures.QueryBytes, figures.ExecutionTextBytes), figures);
    }

    /// <summary>The message refusing new work when the owner is at or over the quota; null when under it.</summary>
    public async Task<string?> OverQuotaAsync(string owner, CancellationToken cancellationToken)
    {
        var used = await MeasureAsync(owner, cancellationToken).ConfigureAwait(false);
        return used.Total < Allowed
            ? null
            : $"Storage quota exceeded: {used.Total} bytes used ({used}) of the {Allowed} bytes allowed (Strata:StorageBytesAllowed); delete tables or wait for results to expire.";
    }

    public async Task<string?> RefusesAsync(string owner, long bytes, string what, CancellationToken cancellationToken)
    {
        var used = await MeasureAsync(owner, cancellationToken).ConfigureAwait(false);
        return used.Total + bytes <= Allowed
            ? null
            : $"Storage quota exceeded: {used.Total} bytes used ({used}) plus {bytes} for {what} is over the {Allowed} bytes allowed (Strata:StorageBytesAllowed); delete tables or wait for results to expire.";
    }

    /// <summary>
    /// The <c>/usage</c> report: each billing period in the timeframe (<see cref="UsageRange.Parse"/>) with the
    /// executions submitted in it as credits, and the owner's private queries and stored bytes now.
    /// </summary>
    public async Task<UsageReport> ReportAsync(string owner, string? startDate, string? endDate, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var range = UsageRange.Parse(startDate, endDate, now);
        var months = range.Months().ToList();
        var counts = await store.ExecutionsByMonthAsync(owner, Midnight(months[0]), Midnight(months[^1].AddMonths(1)), cancellationToken).ConfigureAwait(false);
        var (stored, figures) = await MeasureWithFiguresAsync(owner, cancellationToken).ConfigureAwait(false);
        var periods = months.Select(m => new BillingPeriod(m, m.AddMonths(1), counts.GetValueOrDefault(m), options.Value.CreditsIncluded)).ToList();
        return new UsageReport(periods, stored.Total, Allowed, figures.PrivateQueries);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The owner's results as they lie on disk, counted once per process.</summary>
    private async Task CountOnceAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ledger.IsCounted(owner))
        {
            return;
        }
        await counting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ledger.IsCounted(owner))
            {
                return;
            }
            var ids = await executions.StoredResultIdsAsync(owner, now, cancellationToken).ConfigureAwait(false);
            ledger.Count(owner, ids, id => resultFiles.SizesOf(id).Select(file =>
            {
                Interlocked.Increment(ref filesMeasured);
                return file;
            }));
        }
        finally
        {
            counting.Release();
        }
    }

    /// <summary>Gives each result written since the last call its owner (one metadata read per result, once).</summary>
    private async Task AttributeAsync(CancellationToken cancellationToken)
    {
        foreach (string id in ledger.Unattributed())
        {
            var execution = await executions.GetExecutionAsync(id, cancellationToken).ConfigureAwait(false);
            ledger.Attribute(id, execution?.Owner);
        }
    }
}
