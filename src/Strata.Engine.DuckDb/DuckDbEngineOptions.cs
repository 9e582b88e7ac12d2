using Strata.Core.Executions;

namespace Strata.Engine.DuckDb;

/// <summary>Engine resources for one performance tier. <paramref name="MaxSpillBytes"/> caps each
/// execution's temporary files (DuckDB <c>max_temp_directory_size</c>), and is lowered to the free
/// disk space when that is less.</summary>
public sealed record DuckDbTierSettings(int Threads, string MemoryLimit, long MaxSpillBytes);

/// <summary>Settings of the embedded DuckDB engine.</summary>
public sealed record DuckDbEngineSettings(
    string DemoDatabasePath,
    string TempDirectory,
    IReadOnlyDictionary<PerformanceTier, DuckDbTierSettings> Tiers)
{
    /// <summary>The default of <see cref="MaxValueBytes"/>: 16 MiB (<see cref="Strata.Core.Results.ResultWriter.DefaultMaxValueBytes"/>).</summary>
    public const long DefaultMaxValueBytes = Strata.Core.Results.ResultWriter.DefaultMaxValueBytes;

    /// <summary>
    /// The largest single value (text, bytes, or the JSON of a nested value) a result may hold; a
    /// larger one fails the execution with an error naming the limit. Copying one value out of
    /// DuckDB costs the process several times its size, outside DuckDB's memory limit.
    /// </summary>
    public long MaxValueBytes { get; init; } = DefaultMaxValueBytes;
}
