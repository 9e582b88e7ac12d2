using Strata.Application.Configuration;
using System.ComponentModel.DataAnnotations;

namespace Strata.Server.Configuration;

/// <summary>
/// The engine worker processes that run executions, bound from "Strata:EngineWorkers" (env:
/// <c>Strata__EngineWorkers__Name</c>). Each tier's memory limit per worker is
/// <see cref="TierOptions.WorkerMemoryBytes"/> (env: <c>Strata__Medium__WorkerMemoryBytes</c>).
/// </summary>
public sealed class EngineWorkerOptions
{
    public const string Section = "Strata:EngineWorkers";

    /// <summary>
    /// Run each execution in a worker process whose memory is watched (default). False runs them in
    /// the server's own process, where a query can take all of the machine's memory.
    /// </summary>
    public bool Isolated { get; set; } = true;

    /// <summary>How long a cancelled or timed-out execution may take to stop before its worker is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CancelGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running worker's resident memory is read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan MemoryPollInterval { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>How long a new worker may take to open its engine before it is killed and another started.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
