using Microsoft.Extensions.Options;
using Strata.Core.Storage;
using Strata.Server.Configuration;

namespace Strata.Server.Uploads;

/// <summary>An owner's stored bytes as the quota counts them.</summary>
public sealed record StoredBytes(long TableBytes, long ResultBytes)
{
    public long Total => TableBytes + ResultBytes;
}

/// <summary>
/// The storage quota (<c>Strata:StorageBytesAllowed</c>): an owner's uploaded table parts plus the
/// files of their unexpired results as they lie on disk, the Arrow result and the Parquet and Arrow
/// stream copies made for downloads, filters and sorting (<c>results/&lt;id&gt;.arrow</c>,
/// <c>.parquet</c>, <c>.arrows</c>).
/// </summary>
public sealed class StorageUsage(IMetadataStore store, IOptions<StrataOptions> options, TimeProvider time)
{
    private static readonly string[] ResultExtensions = [".arrow", ".parquet", ".arrows"];
    private readonly string resultsDirectory = Path.Combine(options.Value.DataDir, "results");

    public long Allowed => options.Value.StorageBytesAllowed;

    public async Task<StoredBytes> MeasureAsync(string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var usage = await store.UsageAsync(owner, now, now, cancellationToken).ConfigureAwait(false);
        var ids = await store.StoredResultIdsAsync(owner, now, cancellationToken).ConfigureAwait(false);
        long results = 0;
        foreach (string id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (string extension in ResultExtensions)
            {
                var file = new FileInfo(Path.Combine(resultsDirectory, id + extension));
                if (file.Exists)
                {
                    results += file.Length;
                }
            }
        }
        return new StoredBytes(usage.TableBytes, results);
    }

    /// <summary>The message refusing new work when the owner is at or over the quota; null when under it.</summary>
    public async Task<string?> OverQuotaAsync(string owner, CancellationToken cancellationToken)
    {
        var used = await MeasureAsync(owner, cancellationToken).ConfigureAwait(false);
        return used.Total < Allowed
            ? null
            : $"Storage quota exceeded: {used.Total} bytes used ({used.TableBytes} in tables, {used.ResultBytes} in results) of the {Allowed} bytes allowed (Strata:StorageBytesAllowed); delete tables or wait for results to expire.";
    }
}
