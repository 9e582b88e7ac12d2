using Strata.Core.Executions;

namespace Strata.Engine.DuckDb;

/// <summary>Engine resources for one performance tier.</summary>
public sealed record DuckDbTierSettings(int Threads, string MemoryLimit);

/// <summary>Settings of the embedded DuckDB engine.</summary>
public sealed record DuckDbEngineSettings(
    string DemoDatabasePath,
    string TempDirectory,
    IReadOnlyDictionary<PerformanceTier, DuckDbTierSettings> Tiers);
