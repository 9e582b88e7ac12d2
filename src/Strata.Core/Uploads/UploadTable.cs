namespace Strata.Core.Uploads;

/// <summary>A declared column of an uploaded table.</summary>
public sealed record UploadColumn(string Name, UploadColumnType Type, bool Nullable = true);

/// <summary>
/// An uploaded table. Its rows live in immutable part files (<see cref="TablePart"/>); the table
/// itself is metadata only. <see cref="Id"/> is unique for all time, so a table deleted and made
/// again under the same name never shares files with its predecessor.
/// </summary>
public sealed record UploadTable(
    string Id,
    string Owner,
    string Namespace,
    string Name,
    string Description,
    bool IsPrivate,
    IReadOnlyList<UploadColumn> Columns,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long RowCount = 0,
    long Bytes = 0)
{
    /// <summary>How queries name the table: <c>dune.&lt;namespace&gt;.&lt;name&gt;</c>.</summary>
    public string FullName => UploadNames.FullName(Namespace, Name);

    /// <summary>True when both declare the same columns (names ignoring case, types, nullability) in the same order.</summary>
    public bool SameSchema(IReadOnlyList<UploadColumn> columns) =>
        Columns.Count == columns.Count
        && Columns.Zip(columns).All(p => string.Equals(p.First.Name, p.Second.Name, StringComparison.OrdinalIgnoreCase)
            && p.First.Type == p.Second.Type && p.First.Nullable == p.Second.Nullable);
}

/// <summary>One immutable file of a table's rows; <see cref="File"/> is relative to the uploads directory.</summary>
public sealed record TablePart(string TableId, string File, long Rows, long Bytes);

/// <summary>
/// What one query may read of a table: its name, columns and the part files as of the query's start.
/// <see cref="Chain"/> marks an ingested chain table (<c>strata ingest</c>), which replaces the demo data's schema of its name.
/// <see cref="Private"/> marks a private table (of the runner: another owner's private table is never in a snapshot); a run
/// that shows one is not served to anyone but its runner (<see cref="Engine.EngineOutcome.ShowedPrivate"/>).
/// </summary>
public sealed record TableSnapshot(string Namespace, string Name, IReadOnlyList<UploadColumn> Columns, IReadOnlyList<string> Files, bool Chain = false,
    bool Private = false);

/// <summary>
/// An owner's storage and activity, for the usage endpoint. <see cref="ResultFileBytes"/> is the owner's result files'
/// total where the store keeps one for every node (<see cref="Storage.IResultBytesStore"/>); null where each node
/// counts its own (the embedded store). <see cref="QueryBytes"/> is what the owner's saved queries hold in the store
/// (<see cref="SavedQueryBytes"/>); <see cref="ExecutionTextBytes"/> what its executions' rows keep of their text (SQL as
/// submitted and as run, parameter values, position map), which stays after the result expires.
/// </summary>
public sealed record UsageFigures(long TableBytes, long ResultBytes, long Executions, long PrivateQueries, long? ResultFileBytes = null, long QueryBytes = 0,
    long ExecutionTextBytes = 0);
