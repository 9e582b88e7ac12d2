using System.Globalization;
using DuckDB.NET.Data;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Resources of one of the server's own long-lived DuckDB instances, the table loader's and the result views': the
/// composition root gives each its own threads, memory limit and temporary-disk cap (Strata:Loader, Strata:ResultViews;
/// by default the medium tier's, never past the largest tier's), so an upload or a sorted result view may use what one
/// execution may, and no more. Past the memory limit DuckDB spills to
/// <paramref name="TempDirectory"/>; past <paramref name="MaxTempBytes"/> (lowered to the disk's free space) the
/// operation fails with an "Out of Memory Error" (<see cref="Exceeded"/>) instead of growing the process or filling
/// the disk. Without a temp directory an in-memory instance would spill to <c>.tmp</c> in the working directory,
/// capped only at 90% of that disk.
/// </summary>
public sealed record DuckDbLimits(int Threads, string MemoryLimit, string TempDirectory, long MaxTempBytes = DuckDbLimits.DefaultMaxTempBytes)
{
    /// <summary>Where the limits come from, for the message of an operation that outgrew them (the settings that raise them).</summary>
    public string Source { get; init; } = "the medium tier's";

    /// <summary>The medium tier's default spill cap (<c>TierOptions.MaxSpillBytes</c>).</summary>
    public const long DefaultMaxTempBytes = 20L * 1000 * 1000 * 1000;

    /// <summary>Sets the limits on a new instance (before its configuration is locked); answers what they came to, for messages.</summary>
    internal string Apply(DuckDBConnection connection)
    {
        Directory.CreateDirectory(TempDirectory);
        long temp = SpillDirectory.CapToFree(TempDirectory, MaxTempBytes);
        DuckDbCommands.Exec(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {Threads}"));
        DuckDbCommands.Exec(connection, $"SET memory_limit = {SqlQuoting.QuoteString(MemoryLimit)}");
        DuckDbCommands.Exec(connection, $"SET temp_directory = {SqlQuoting.QuoteString(TempDirectory)}");
        DuckDbCommands.Exec(connection, string.Create(CultureInfo.InvariantCulture, $"SET max_temp_directory_size = '{temp}B'"));
        return string.Create(CultureInfo.InvariantCulture, $"memory limit {MemoryLimit}, temporary disk {temp} bytes, {Source}");
    }

    /// <summary>
    /// The limits of one of <paramref name="views"/> instances that share these (hostile15): a view's memory limit and
    /// temporary disk are an equal share of the whole (DuckDB has no per-query memory limit, so a view that must not take
    /// the memory of the others runs on an instance of its own), and its spill files go to a directory of its own
    /// (instances in one directory would reuse each other's temporary file names).
    /// </summary>
    internal DuckDbLimits Share(int views, int view)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(views, 1);
        if (views == 1)
        {
            return this;
        }
        long memory = Isolation.EngineWorkerSettings.ParseBytes(MemoryLimit) / views;
        // The whole cap lowered to the free disk first: each share's own lowering would let the shares add up past it.
        Directory.CreateDirectory(TempDirectory);
        long temp = SpillDirectory.CapToFree(TempDirectory, MaxTempBytes);
        return this with
        {
            MemoryLimit = string.Create(CultureInfo.InvariantCulture, $"{memory}B"),
            TempDirectory = Path.Combine(TempDirectory, view.ToString(CultureInfo.InvariantCulture)),
            MaxTempBytes = temp / views,
            Source = string.Create(CultureInfo.InvariantCulture,
                $"a view's share of memory limit {MemoryLimit} and temporary disk {temp} bytes, shared by {views} views at once; {Source}"),
        };
    }

    /// <summary>True when DuckDB's message says an operation outgrew the memory limit and the temporary disk behind it.</summary>
    internal static bool Exceeded(string message) => message.Contains("Out of Memory Error", StringComparison.Ordinal);
}
