using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Uploads;

namespace Strata.Core.Engine;

/// <summary>
/// Runs one untrusted, read-only SQL statement in a sandbox and streams its rows into a result writer.
/// Implementations never see HTTP and never touch the metadata store.
/// </summary>
public interface IQueryEngine
{
    /// <summary>Runs the request. Throws <see cref="QueryFailedException"/> for a query that fails and
    /// <see cref="OperationCanceledException"/> when the token fires.</summary>
    Task<EngineOutcome> ExecuteAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken);
}

/// <summary>
/// What to run, for whom, and with which resources. <paramref name="Tables"/> are the uploaded
/// tables the owner may read, as of the execution's start, with absolute part file paths: the
/// engine shows exactly these and nothing else. <paramref name="Dialect"/> is the language of
/// <paramref name="Sql"/>: DuneSQL is translated first, DuckDB's own SQL runs as written.
/// </summary>
public sealed record EngineRequest(string ExecutionId, string Sql, string Owner, PerformanceTier Tier, long MaxResultBytes, IReadOnlyList<TableSnapshot> Tables, SqlDialect Dialect = SqlDialect.DuneSql);

/// <summary>How a run that did not fail ended; the writer has been completed.</summary>
public sealed record EngineOutcome(ResultSchema Schema, long RowCount, long ResultBytes, bool Truncated)
{
    /// <summary>
    /// True when the sandbox showed the statement any <see cref="TableSnapshot.Private"/> table of the request: its rows
    /// (the statement names it) or its name and columns (the statement reads the catalog). True unless an engine tells
    /// otherwise, so that an engine that does not know never lets a run be served to others.
    /// </summary>
    public bool ShowedPrivate { get; init; } = true;
}

/// <summary>The query itself failed (syntax, binding, runtime, a refused statement).</summary>
public sealed class QueryFailedException(ExecutionError error) : Exception(error.Message)
{
    public ExecutionError Error { get; } = error;
}
