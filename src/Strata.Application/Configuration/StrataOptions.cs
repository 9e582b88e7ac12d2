using System.ComponentModel.DataAnnotations;

namespace Strata.Application.Configuration;

/// <summary>Server-wide settings, bound from the "Strata" section (env: <c>Strata__Name</c>) plus the
/// documented <c>STRATA_*</c> shortcuts.</summary>
public sealed class StrataOptions
{
    public const string Section = "Strata";

    /// <summary>Directory holding all state: metadata, results, demo database.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>
    /// Where metadata lives: empty for the embedded SQLite database in <see cref="DataDir"/>, or an Npgsql
    /// connection string (<c>Host=...;Port=...;Username=...;Password=...;Database=...</c>) for a PostgreSQL
    /// database that several nodes share (env: <c>STRATA_METADATA</c>).
    /// </summary>
    public string? Metadata { get; set; }

    /// <summary>"handle:key,handle:key": keys ensured at start-up.</summary>
    public string? ApiKeys { get; set; }

    /// <summary>Demo data scale; 1.0 gives one million transactions.</summary>
    [Range(0.0001, 100.0)]
    public double DemoScale { get; set; } = 1.0;

    /// <summary>How long results are kept after completion.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often expired results are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Stored result cap per execution; past it the result is cut and marked partial.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxResultBytes { get; set; } = 1L << 30;

    /// <summary>Datapoints (rows x columns) per results response unless the client lifts the cap.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDatapointsPerResponse { get; set; } = 250_000;

    /// <summary>Hard cap on datapoints per response, even with ignore_max_datapoints_per_request.</summary>
    [Range(1L, long.MaxValue)]
    public long HardMaxDatapointsPerResponse { get; set; } = 100_000_000;

    /// <summary>Base URL used in next_uri; when empty, the URL the client used.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Queue capacity per tier.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Largest accepted request body.</summary>
    [Range(1024L, 4L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 200L * 1000 * 1000;

    /// <summary>Most columns an uploaded table may have.</summary>
    [Range(1, 10_000)]
    public int MaxUploadColumns { get; set; } = 1000;

    /// <summary>Stored bytes (uploaded tables plus results) an owner may hold; an insert past it is refused.</summary>
    [Range(0L, long.MaxValue)]
    public long StorageBytesAllowed { get; set; } = 50L * 1000 * 1000 * 1000;

    /// <summary>Credits per billing period reported by /api/v1/usage (0: no plan).</summary>
    [Range(0L, long.MaxValue)]
    public long CreditsIncluded { get; set; }

    [Required]
    public TierOptions Medium { get; set; } = new() { Slots = 2, Threads = 2, MemoryLimit = "4GB" };

    [Required]
    public TierOptions Large { get; set; } = new() { Slots = 1, Threads = 2, MemoryLimit = "8GB" };

    /// <summary>The settings of one tier.</summary>
    public TierOptions TierOf(Strata.Core.Executions.PerformanceTier tier) =>
        tier == Strata.Core.Executions.PerformanceTier.Large ? Large : Medium;
}

/// <summary>Resources of one performance tier.</summary>
public sealed class TierOptions
{
    /// <summary>Executions that run at once in this tier.</summary>
    [Range(1, 256)]
    public int Slots { get; set; } = 1;

    /// <summary>DuckDB threads for this tier.</summary>
    [Range(1, 256)]
    public int Threads { get; set; } = 2;

    /// <summary>DuckDB memory limit, e.g. "4GB".</summary>
    [Required]
    [RegularExpression(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "MemoryLimit must look like '4GB' or '512MiB'.")]
    public string MemoryLimit { get; set; } = "4GB";

    /// <summary>Temporary disk space (spill) one execution may use; lowered to half of the free disk space
    /// when that is less. Past it the query fails with an error naming the limit.</summary>
    [Range(0L, long.MaxValue)]
    public long MaxSpillBytes { get; set; } = 20L * 1000 * 1000 * 1000;

    /// <summary>
    /// Resident memory an engine worker process may reach while it runs one execution of this tier;
    /// past it the worker is killed and the execution fails naming this limit. Unset: the memory
    /// limit, plus an eighth, plus 512 MiB, plus eight times <c>Strata:MaxValueBytes</c>.
    /// </summary>
    [Range(64L << 20, long.MaxValue)]
    public long? WorkerMemoryBytes { get; set; }

    /// <summary>Execution timeout (FAILED_TYPE_TIMEOUT past it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
