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
    IReadOnlyDictionary<PerformanceTier, DuckDbTierSettings> Tiers);
