namespace Strata.Core.Results.Querying;

/// <summary>Matches names written in a query parameter against the result's columns.</summary>
internal sealed class ColumnResolver
{
    private readonly HashSet<string> _exact;
    private readonly Dictionary<string, List<string>> _folded;
    private readonly string _parameter;

    public ColumnResolver(IReadOnlyList<string> columns, string parameter)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _parameter = parameter;
        _exact = new HashSet<string>(StringComparer.Ordinal);
        _folded = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (!_exact.Add(column))
            {
                continue;
            }
            if (!_folded.TryGetValue(column, out var same))
            {
                _folded[column] = same = [];
            }
            same.Add(column);
        }
    }

    /// <summary>A quoted name: exact match only.</summary>
    public string? TryQuoted(string name) => _exact.Contains(name) ? name : null;

    /// <summary>A bare name: exact match, else a case-insensitive match if there is only one.</summary>
    public string? TryBare(string name, int position)
    {
        if (_exact.Contains(name))
        {
            return name;
        }
        if (_folded.TryGetValue(name, out var same))
        {
            if (same.Count == 1)
            {
                return same[0];
            }
            throw new FilterException(_parameter,
                $"column {FilterException.Describe(name)} is ambiguous (matches {string.Join(", ", same.Take(5).Select(FilterException.Describe))}); write it in double quotes with the exact case",
                position);
        }
        return null;
    }

    public string Quoted(string name, int position) =>
        TryQuoted(name) ?? throw Unknown(name, position);

    public string Bare(string name, int position) =>
        TryBare(name, position) ?? throw Unknown(name, position);

    public FilterException Unknown(string name, int position) =>
        new(_parameter, "unknown column " + FilterException.Describe(name), position);
}
