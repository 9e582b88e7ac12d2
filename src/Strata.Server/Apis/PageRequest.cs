using System.Globalization;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>The server-side view of a result: projection, filter, sort, sample (contract section 6).</summary>
public sealed record ResultView(string? Columns, string? Filters, string? SortBy, long? SampleCount, long? SampleSeed = null)
{
    public bool IsEmpty => Columns is null && Filters is null && SortBy is null && SampleCount is null;
}

/// <summary>The paging parameters of a results request (contract section 6).</summary>
public sealed record PageRequest(long Offset, long? Limit, bool IgnoreDatapointCap, bool AllowPartial, ResultView View)
{
    /// <summary>The paging and view parameters of a results request; a bad one is Invalid naming it.</summary>
    public static PageRequest Parse(IQueryCollection query)
    {
        long offset = NonNegative(query, "offset") ?? 0;
        long? limit = NonNegative(query, "limit");
        bool ignore = Bool(query, "ignore_max_datapoints_per_request");
        bool partial = Bool(query, "allow_partial_results");
        long? sample = null;
        long? seed = null;
        if (query.TryGetValue("sample_count", out var sc) && !string.IsNullOrEmpty(sc))
        {
            if (!long.TryParse(sc, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1)
            {
                throw Invalid($"sample_count must be a positive integer, got '{sc}'");
            }
            seed = NonNegative(query, "sample_seed");
            if (limit is not null || (query.ContainsKey("offset") && seed is null) || !string.IsNullOrEmpty(query["filters"]))
            {
                throw Invalid("sample_count cannot be combined with limit, offset or filters"
                    + (seed is null && limit is null && string.IsNullOrEmpty(query["filters"]) ? " (offset only with the sample_seed of a sample's next_uri)" : ""));
            }
            sample = n;
        }
        else if (query.ContainsKey("sample_seed"))
        {
            throw Invalid("sample_seed is given only with sample_count (as a sample's next_uri does)");
        }
        static string? Text(IQueryCollection q, string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        return new PageRequest(offset, limit, ignore, partial, new ResultView(Text(query, "columns"), Text(query, "filters"), Text(query, "sort_by"), sample, seed));
    }

    private static long? NonNegative(IQueryCollection query, string name) =>
        !query.TryGetValue(name, out var v) || string.IsNullOrEmpty(v) ? null
        : long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed
        : throw Invalid($"{name} must be a non-negative integer, got '{v}'");

    private static bool Bool(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v)
        && (bool.TryParse(v, out bool value) ? value : throw Invalid($"{name} must be true or false, got '{v}'"));
}
