namespace Strata.Core.Results.Querying;

/// <summary>
/// A page of a stored result with server-side filters, sorting or sampling. <see cref="Columns"/> are
/// indexes into <see cref="Schema"/>, in output order.
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
    long? SampleCount);

/// <summary>Runs <see cref="ResultQuery"/>s over the columnar copy of a stored result.</summary>
public interface IResultQueryEngine
{
    /// <summary>The page's rows and the number of rows that match the filter (or were sampled).</summary>
    Task<(PageSink Page, long Matching)> QueryAsync(ResultQuery query, CancellationToken cancellationToken);
}

/// <summary>The engine refused a result query that parsed (e.g. a literal of the wrong type for its column).</summary>
public sealed class InvalidResultQueryException(string message) : Exception(message);
