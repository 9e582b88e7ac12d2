namespace Strata.Core.Results.Querying;

/// <summary>One ORDER BY key: a result column, by its exact name, and its direction.</summary>
public sealed record SortColumn(string Name, bool Descending)
{
    public string Name { get; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>
    /// <c>"col" ASC NULLS LAST</c> / <c>"col" DESC NULLS LAST</c> (NULLs last either way, as in Trino).
    /// <paramref name="columnSql"/> turns the result column name into a safely quoted SQL reference;
    /// the default quotes the result name.
    /// </summary>
    public string ToSql(Func<string, string>? columnSql = null) =>
        (columnSql ?? SqlQuoting.QuoteIdentifier)(Name) + (Descending ? " DESC" : " ASC") + " NULLS LAST";
}

/// <summary>
/// Parses the <c>sort_by</c> query parameter: <c>amount desc, block_time</c>, <c>"we""ird" ASC</c>.
/// Keys are separated by commas; each is a column name (bare, or in double quotes with <c>""</c> for <c>"</c>;
/// matched as in <see cref="FilterParser"/>) and an optional <c>ASC</c>/<c>DESC</c> (case-insensitive; default ASC).
/// </summary>
public static class SortParser
{
    public const int MaxKeys = 32;
    public const int MaxLength = 10_000;

    private const string Parameter = "sort_by";

    /// <summary>
    /// The sort keys, in order; empty when <paramref name="text"/> is null, empty or whitespace.
    /// Throws <see cref="FilterException"/> (and nothing else) when the value is not valid.
    /// </summary>
    public static IReadOnlyList<SortColumn> Parse(string? text, IReadOnlyList<string> columns) => Parse(text, columns, null);

    /// <summary>
    /// As <see cref="Parse(string?, IReadOnlyList{string})"/>, over a stored result's columns: a key on an array, map, row
    /// or json column is refused (<see cref="Unorderable"/>).
    /// </summary>
    public static IReadOnlyList<SortColumn> Parse(string? text, ResultSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Parse(text, schema.ColumnNames, schema.Columns);
    }

    /// <summary>
    /// Why a result column cannot be a sort key, or null when it can. An array, map, row or json column is stored as its
    /// JSON text, whose order is not its value's (<c>[10]</c> before <c>[9]</c>, <c>"0x…"</c> strings, exact numbers
    /// as strings); Trino does not order maps or json at all. Refused by name rather than sorted by the text.
    /// </summary>
    public static string? Unorderable(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind == ColumnKind.Json
            ? $"column {FilterException.Describe(column.Name)} is a {column.DuneType}: sorting by an array, map, row or json column is not supported (sort by a scalar column)"
            : null;
    }

    private static IReadOnlyList<SortColumn> Parse(string? text, IReadOnlyList<string> columns, IReadOnlyList<ResultColumn>? types)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (FilterException.IsBlank(text, Parameter, MaxLength))
        {
            return [];
        }
        var lexer = new FilterLexer(text, Parameter);
        var resolver = new ColumnResolver(columns, Parameter);
        var keys = new List<SortColumn>();
        while (true)
        {
            var name = lexer.Next();
            if (name.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier))
            {
                throw new FilterException(Parameter, $"expected a column name, found {name.Describe()}", name.Position);
            }
            if (keys.Count == MaxKeys)
            {
                throw new FilterException(Parameter, $"more than {MaxKeys} sort keys", name.Position);
            }
            var after = lexer.Next();
            if (after.Kind == TokenKind.LeftParen)
            {
                throw new FilterException(Parameter, "functions are not allowed", name.Position);
            }
            var column = name.Kind == TokenKind.Word
                ? resolver.Bare(name.Text, name.Position)
                : resolver.Quoted(name.Text, name.Position);
            if (types is not null && Unorderable(types[IndexOf(columns, column)]) is { } refused)
            {
                throw new FilterException(Parameter, refused, name.Position);
            }
            var descending = false;
            var expected = "ASC, DESC, ',' or the end";
            if (after.IsWord("asc") || after.IsWord("desc"))
            {
                descending = after.IsWord("desc");
                after = lexer.Next();
                expected = "',' or the end";
            }
            keys.Add(new SortColumn(column, descending));
            if (after.Kind == TokenKind.End)
            {
                return keys;
            }
            if (after.Kind != TokenKind.Comma)
            {
                throw new FilterException(Parameter, $"expected {expected} after the column, found {after.Describe()}", after.Position);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new InvalidOperationException($"resolved column {name} is not a column");
    }

    /// <summary>The keys as an ORDER BY list (without the keywords), e.g. <c>"amount" DESC NULLS LAST, "block_time" ASC NULLS LAST</c>.</summary>
    public static string ToSql(IEnumerable<SortColumn> keys, Func<string, string>? columnSql = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return string.Join(", ", keys.Select(k => k.ToSql(columnSql)));
    }
}
