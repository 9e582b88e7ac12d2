using Strata.Core.Executions;
using Strata.Core.Uploads;

namespace Strata.Core.Views;

/// <summary>
/// A materialized view: a saved query whose latest refresh is kept as the table
/// <c>dune.&lt;owner&gt;.&lt;name&gt;</c> (the name starts with <c>result_</c>). The rows live in the table
/// store like an uploaded table's; this record is the view's own metadata.
/// </summary>
public sealed record MaterializedView
{
    public const string NamePrefix = "result_";

    public required string Owner { get; init; }

    /// <summary>The table name, <c>result_&lt;...&gt;</c>, lower case.</summary>
    public required string Name { get; init; }

    public long QueryId { get; init; }
    public bool IsPrivate { get; init; }
    public PerformanceTier Tier { get; init; }

    /// <summary>Five-field cron expression (UTC), or null for refreshes on request only.</summary>
    public string? Cron { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The newest schedule slot claimed (persisted before its refresh is submitted, so it never runs twice).</summary>
    public DateTimeOffset? ClaimedSlot { get; init; }

    /// <summary>When the newest refresh was submitted, and its execution.</summary>
    public DateTimeOffset? LastRunAt { get; init; }
    public string? LastExecutionId { get; init; }

    /// <summary>The execution whose rows the table holds now.</summary>
    public string? TableExecutionId { get; init; }

    /// <summary>Why the newest refresh did not replace the table, if it did not.</summary>
    public string? LastError { get; init; }

    /// <summary>How queries name it: <c>dune.&lt;owner&gt;.&lt;name&gt;</c>.</summary>
    public string FullName => UploadNames.FullName(Owner, Name);
}

/// <summary>A table a statement names: the schema as written (empty when none) and the table name.</summary>
public sealed record TableReference(string Schema, string Name);
