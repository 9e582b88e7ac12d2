using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Application.Uploads;

/// <summary>
/// Merges a table's small parts into one, so that many small inserts do not leave thousands of files
/// for every query to open. The caller holds the table's write lock. Crash-safe: the merged part is
/// written under a temporary name, fsynced and renamed, then one SQLite transaction swaps the part
/// list. Before that commit the new file is unlisted (the start-up sweep deletes it); after it the
/// old files are unlisted (deleted once no running query holds them, or by the sweep). A query sees
/// the old part list or the new one, never a mix.
/// </summary>
public sealed class PartCompactor(ITablePartStore store, ITableLoader loader, IPartFiles files, IOptions<TableQuotaOptions> options, ILogger<PartCompactor> logger)
{
    private readonly TableQuotaOptions settings = options.Value;

    /// <summary>Compacts when the table lists at least <see cref="TableQuotaOptions.CompactAfterParts"/> parts; returns the parts merged (0: none).</summary>
    public async Task<int> CompactIfDueAsync(UploadTable table, CancellationToken cancellationToken)
    {
        var parts = await store.PartsAsync(table.Id, cancellationToken).ConfigureAwait(false);
        if (parts.Count < settings.CompactAfterParts)
        {
            return 0;
        }
        var small = parts.Where(p => p.Bytes < settings.CompactPartBytes).ToList();
        if (small.Count < 2)
        {
            return 0;
        }
        string merged = files.NewPart(table.Id);
        try
        {
            long rows = await loader.CompactAsync(small.Select(p => files.PathOf(p.File)).ToList(), table.Columns, files.PathOf(merged), cancellationToken).ConfigureAwait(false);
            long expected = small.Sum(p => p.Rows);
            if (rows != expected)
            {
                throw new InvalidOperationException($"Compaction of {table.FullName} wrote {rows} rows instead of {expected}.");
            }
            var part = new TablePart(table.Id, merged, rows, files.SizeOf(merged));
            if (!await store.SwapPartsAsync(table.Id, small.Select(p => p.File).ToList(), part, cancellationToken).ConfigureAwait(false))
            {
                files.DeleteUncommitted(merged);
                return 0;
            }
        }
        catch
        {
            files.DeleteUncommitted(merged);
            throw;
        }
        files.Drop(small.Select(p => p.File));
        UploadLog.Compacted(logger, small.Count, table.FullName);
        return small.Count;
    }
}
