namespace Strata.Core.Results.Querying;

/// <summary>
/// A page of a stored result with server-side filters, sorting or sampling. <see cref="Columns"/> are
/// indexes into <see cref="Schema"/>, in output order. The page ends before <see cref="Limit"/> rows once its rows
/// hold <see cref="MaxPageBytes"/> value bytes (at least one row): it is held in memory until it is written out.
/// A sample is the <see cref="SampleCount"/> rows that a hash of each row's place and <see cref="SampleSeed"/> ranks
/// first: the same seed draws the same sample, so its pages follow on as a filtered one's do.
/// </summary>
public sealed record ResultQuery(
    string ExecutionId,
    string ParquetPath,
    ResultSchema Schema,
    IReadOnlyList<int> Columns,
    FilterExpression? Filter,
    IReadOnlyList<SortColumn> Sort,
    long Offset,
    long Limit,
    long? SampleCount,
    long MaxPageBytes = long.MaxValue,
    long SampleSeed = 0);

/// <summary>Runs <see cref="ResultQuery"/>s over the columnar copy of a stored result.</summary>
public interface IResultQueryEngine
{
    /// <summary>The page's rows (fewer than the limit when they reached <see cref="ResultQuery.MaxPageBytes"/>) and the
    /// number of rows that match the filter (or were sampled).</summary>
    Task<(PageSink Page, long Matching)> QueryAsync(ResultQuery query, CancellationToken cancellationToken);
}

/// <summary>The engine refused a result query that parsed (e.g. a literal of the wrong type for its column).</summary>
public sealed class InvalidResultQueryException(string message) : Exception(message);
