using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Declared column types carried through what a query reads by name (decision 218): the columns of a CTE or of a subquery
/// in FROM, read by name (<c>t.v</c> or <c>v</c>) or by a star, and the columns of a set operation, whose type is Trino's
/// common super type of the branches' (TypeCoercion.getCommonSuperType: varchar(x) and varchar(y) give varchar(max),
/// char(x) and char(y) char(max), timestamp(p) and timestamp(q) timestamp(max), a timestamp and a timestamp with time zone
/// the latter of the larger precision, time(p) and time(q) time(max); a NULL takes the other's type). The scan reads the
/// user's text statically; where a type cannot be known (a table's column, a function of a column, a branch of another
/// type, a join with USING or NATURAL, a recursive CTE), the column keeps DuckDB's name, as before.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>A column of a query as the scan knows it: its name (null when it has none a query can name), and its type —
    /// Trino's name of a declared type, <see cref="NullType"/> for a NULL literal, a <see cref="LiteralMark"/>-prefixed
    /// varchar(n) for a string literal (its type counts in a set operation but is not reported alone: the result metadata
    /// names literals DuckDB's way), or null when unknown.</summary>
    private readonly record struct ScopedColumn(string? Name, string? Type);

    /// <summary>A query's columns: the known ones from the left, and whether more follow that the scan cannot see (a star
    /// over a table).</summary>
    private sealed record ScopedColumns(List<ScopedColumn> Columns, bool Open)
    {
        public static ScopedColumns Unknown => new([], true);
    }

    /// <summary>A relation of a FROM clause: its name (alias, or the table's or CTE's name) and columns, null when unknown.</summary>
    private sealed record ScopedRelation(string? Name, ScopedColumns? Columns);

    private const string NullType = "unknown";

    /// <summary>Aggregates whose one-argument form is its argument's type in Trino (min, max, arbitrary, any_value).</summary>
    private static readonly HashSet<string> SameTypeAggregates = new(StringComparer.OrdinalIgnoreCase) { "min", "max", "arbitrary", "any_value" };

    private const char LiteralMark = '~';

    /// <summary>How deep the scan follows nested queries; deeper ones are unknown (the translator bounds nesting anyway).</summary>
    private const int MaxScopeDepth = 64;

    private static readonly HashSet<string> FromClauseEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "group", "having", "window", "order", "limit", "offset", "fetch", "qualify", "union", "intersect", "except",
    };

    private static readonly HashSet<string> NotAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "left", "right", "full", "inner", "outer", "cross", "join", "natural", "on", "using", "tablesample", "for", "with",
        "where", "group", "having", "window", "order", "limit", "offset", "fetch", "qualify", "union", "intersect", "except",
    };

    /// <summary>Trino's common super type of two scanned types (see the class comment), or null when the scan cannot say.</summary>
    private static string? CommonDeclaredType(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return null;
        }
        if (a == NullType || b == NullType)
        {
            return a == NullType ? b : a;
        }
        if (ElementType(a) is { } elementA && ElementType(b) is { } elementB)
        {
            return CommonDeclaredType(elementA, elementB) is { } element ? "array(" + element + ")" : null;
        }
        bool soft = a[0] == LiteralMark && b[0] == LiteralMark;
        var (baseA, pA, zoneA) = SplitDeclared(a.TrimStart(LiteralMark));
        var (baseB, pB, zoneB) = SplitDeclared(b.TrimStart(LiteralMark));
        if (baseA is null || baseA != baseB || pA < 0 || pB < 0 || (baseA != "timestamp" && zoneA != zoneB))
        {
            return null; // another pair (char and varchar: the char's padding under coercion is not settled here) is unknown
        }
        string p = Math.Max(pA, pB).ToString(CultureInfo.InvariantCulture);
        string common = baseA + "(" + p + ")" + (zoneA || zoneB ? " with time zone" : "");
        return soft ? LiteralMark + common : common;
    }

    /// <summary>The base name, parameter and zone of a declared type name (timestamp(3) with time zone → timestamp, 3,
    /// true); the base is null for other names.</summary>
    private static (string? Base, int Parameter, bool Zone) SplitDeclared(string type)
    {
        bool zone = type.EndsWith(" with time zone", StringComparison.Ordinal);
        string core = zone ? type[..^" with time zone".Length] : type;
        int open = core.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || core[^1] != ')' || !int.TryParse(core.AsSpan(open + 1, core.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int p))
        {
            return (null, -1, false);
        }
        string name = core[..open];
        return name is "timestamp" or "time" or "varchar" or "char" ? (name, p, zone) : (null, -1, false);
    }

    private sealed partial class Pass
    {
        /// <summary>The columns of the query in tokens [i, to): an optional WITH, then SELECT terms (or parenthesized
        /// queries) joined by set operators.</summary>
        private ScopedColumns QueryColumns(int i, int to, Dictionary<string, ScopedColumns?> ctes, int depth)
        {
            if (depth > MaxScopeDepth || i >= to)
            {
                return ScopedColumns.Unknown;
            }
            if (Is(i, "with"))
            {
                (i, ctes) = WithScope(i, to, ctes, depth);
            }
            ScopedColumns? result = null;
            while (i < to)
            {
                int end = i;
                while (end < to && !SetOperators.Contains(Text(end)))
                {
                    end = Next(IsOpening(end) ? Close(end, to) : end, to);
                }
                end = Math.Min(end, to);
                // After a set operation, a trailing ORDER BY/LIMIT/OFFSET/FETCH is the whole query's, not the last branch's.
                int tail = result is not null && end >= to ? QueryTail(i, to) : end;
                var term = Is(i, "(") ? QueryColumns(Next(i, to), Close(i, to), ctes, depth + 1)
                    : Is(i, "select") ? SelectColumns(i, tail, ctes, depth)
                    : ScopedColumns.Unknown;
                result = result is null ? term : Combined(result, term);
                if (end >= to)
                {
                    if (tail < to)
                    {
                        // Trino resolves it against the set operation's columns: the first branch's names, the branches'
                        // common super types (its ORDER BY cannot read a branch's FROM relations).
                        selectScopes?.Add(new(tail, to, [new ScopedRelation(null, result)], true));
                    }
                    break;
                }
                i = Next(end, to);
                i = Is(i, "all") || Is(i, "distinct") ? Next(i, to) : i;
            }
            return result ?? ScopedColumns.Unknown;
        }

        /// <summary>Where a query's own ORDER BY, LIMIT, OFFSET or FETCH begins among the tokens of its last term [i, to) (a
        /// bracket's content skipped: a window's or WITHIN GROUP's ORDER BY is not it); to when there is none.</summary>
        private int QueryTail(int i, int to)
        {
            for (int k = i; k < to; k = Next(IsOpening(k) ? Close(k, to) : k, to))
            {
                int next = Next(k, to);
                if (Tokens[k].Kind == DuneTokenKind.Word && (Is(k, "order") && Is(next, "by")
                    || (Is(k, "limit") || Is(k, "offset")) && next < to && (Tokens[next].Kind == DuneTokenKind.Number || Is(next, "all") || Is(next, "?"))
                    || Is(k, "fetch") && (Is(next, "first") || Is(next, "next"))))
                {
                    return k;
                }
            }
            return to;
        }

        /// <summary>A set operation's columns: by position, the branches' common super types; the first branch's names.</summary>
        private static ScopedColumns Combined(ScopedColumns first, ScopedColumns second)
        {
            int count = Math.Min(first.Columns.Count, second.Columns.Count);
            var columns = new List<ScopedColumn>(count);
            for (int k = 0; k < count; k++)
            {
                columns.Add(new(first.Columns[k].Name, CommonDeclaredType(first.Columns[k].Type, second.Columns[k].Type)));
            }
            return new(columns, first.Open || second.Open || first.Columns.Count != second.Columns.Count);
        }

        /// <summary>Reads <c>WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query), …</c>; returns the index after
        /// it and the CTEs' scope (a recursive WITH's CTEs are unknown: left out, so they read as tables).</summary>
        private (int Next, Dictionary<string, ScopedColumns?> Scope) WithScope(int i, int to, Dictionary<string, ScopedColumns?> outer, int depth)
        {
            var scope = new Dictionary<string, ScopedColumns?>(outer, StringComparer.OrdinalIgnoreCase);
            i = Next(i, to);
            bool recursive = Is(i, "recursive");
            i = recursive ? Next(i, to) : i;
            while (i < to)
            {
                string? name = NameOf(i);
                i = Next(i, to);
                List<string>? renames = null;
                if (Is(i, "("))
                {
                    renames = NameList(i, to);
                    i = Next(Close(i, to), to);
                }
                if (!Is(i, "as"))
                {
                    return (to, scope);
                }
                i = Next(i, to);
                i = Is(i, "not") ? Next(i, to) : i;
                i = Is(i, "materialized") ? Next(i, to) : i;
                if (!Is(i, "("))
                {
                    return (to, scope);
                }
                int close = Close(i, to);
                if (name is not null)
                {
                    if (recursive)
                    {
                        scope.Remove(name);
                    }
                    else
                    {
                        scope[name] = Renamed(QueryColumns(Next(i, close), close, scope, depth + 1), renames);
                    }
                }
                i = Next(close, to);
                if (!Is(i, ","))
                {
                    return (i, scope);
                }
                i = Next(i, to);
            }
            return (to, scope);
        }

        /// <summary>The names of a parenthesized list of names at open; null when an item is not a plain name.</summary>
        private List<string>? NameList(int open, int to)
        {
            int close = Close(open, to);
            var names = new List<string>();
            for (int k = Next(open, close); k < close; k = Next(k, close))
            {
                if (NameOf(k) is not { } name)
                {
                    return null;
                }
                names.Add(name);
                k = Next(k, close);
                if (k < close && !Is(k, ","))
                {
                    return null;
                }
            }
            return names;
        }

        private static ScopedColumns Renamed(ScopedColumns columns, List<string>? names)
        {
            if (names is null)
            {
                return columns;
            }
            var renamed = new List<ScopedColumn>(names.Count);
            for (int k = 0; k < names.Count; k++)
            {
                renamed.Add(new(names[k], k < columns.Columns.Count ? columns.Columns[k].Type : null));
            }
            return new(renamed, false);
        }

        /// <summary>A word's or quoted name's name (quotes removed, case kept), or null for another token.</summary>
        private string? NameOf(int i)
        {
            if (i < 0 || i >= Tokens.Count)
            {
                return null;
            }
            return Tokens[i].Kind switch
            {
                DuneTokenKind.Word => Text(i),
                DuneTokenKind.QuotedName when Tokens[i].Length >= 2 => Text(i)[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal),
                _ => null,
            };
        }

        /// <summary>The columns of one <c>SELECT … [FROM …] …</c> term in [i, to).</summary>
        private ScopedColumns SelectColumns(int i, int to, Dictionary<string, ScopedColumns?> ctes, int depth)
        {
            int select = i;
            i = Next(i, to);
            i = Is(i, "distinct") || Is(i, "all") ? Next(i, to) : i;
            var items = new List<(int From, int To)>();
            int end = i;
            while (i < to)
            {
                end = i;
                while (end < to && !Is(end, ",") && !Is(end, ";") && !(SelectListEnds.Contains(Text(end)) && !(Is(end, "group") && Is(Previous(end), "within"))))
                {
                    end = Next(IsOpening(end) ? Close(end, to) : end, to);
                }
                end = Math.Min(end, to);
                items.Add((i, end));
                if (!Is(end, ","))
                {
                    break;
                }
                i = Next(end, to);
            }
            var (relations, plainJoins) = Is(end, "from") ? FromRelations(Next(end, to), to, ctes, depth) : ([], true);
            selectScopes?.Add(new(select, to, relations, plainJoins)); // filled when an expression's scope is asked (ScopeAt)
            var columns = new List<ScopedColumn>();
            foreach (var (from, itemEnd) in items)
            {
                if (ItemColumns(from, itemEnd, relations, plainJoins) is { } expanded)
                {
                    columns.AddRange(expanded.Columns);
                    if (expanded.Open)
                    {
                        return new(columns, true);
                    }
                    continue;
                }
                var (exprEnd, alias) = ItemAlias(from, itemEnd);
                var (name, type) = ItemType(from, exprEnd, relations, plainJoins);
                columns.Add(new(alias ?? name, type));
            }
            return new(columns, false);
        }

        /// <summary>A star item's columns (<c>*</c> or <c>name.*</c>), unknown past what the relations show; null for
        /// another item.</summary>
        private ScopedColumns? ItemColumns(int from, int to, List<ScopedRelation> relations, bool plainJoins)
        {
            int last = Previous(to);
            if (!Is(last, "*") || (last != from && !(Is(Previous(last), ".") && Previous(Previous(last)) == from)))
            {
                return null;
            }
            if (!plainJoins)
            {
                return ScopedColumns.Unknown; // USING and NATURAL merge columns: a star's positions are not the relations'
            }
            var columns = new List<ScopedColumn>();
            foreach (var relation in relations)
            {
                if (last != from && !string.Equals(relation.Name, NameOf(from), StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (relation.Columns is null)
                {
                    return new(columns, true);
                }
                columns.AddRange(relation.Columns.Columns);
                if (relation.Columns.Open)
                {
                    return new(columns, true);
                }
            }
            return new(columns, relations.Count == 0);
        }

        /// <summary>Where an item's expression ends and its alias (null when none): <c>x AS a</c>, <c>x a</c>.</summary>
        private (int ExprEnd, string? Alias) ItemAlias(int from, int to)
        {
            int last = Previous(to);
            if (last <= from || Tokens[last].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
            {
                return (to, null);
            }
            int before = Previous(last);
            if (Is(last, "end") || Is(last, "null") || Is(last, "true") || Is(last, "false") || Is(before, "is") || Is(before, "not"))
            {
                return (to, null);
            }
            if (Is(before, "as"))
            {
                return (before, NameOf(last));
            }
            // After a literal too (SELECT 'a' v), but not an interval's unit (INTERVAL '1' DAY).
            bool afterOperand = Is(before, ")") || Is(before, "]") || (Tokens[before].Kind is DuneTokenKind.String or DuneTokenKind.Number && !Is(Previous(before), "interval"))
                || (Tokens[before].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !Is(before, "."));
            return afterOperand && !NotFunctionNames.Contains(Text(before)) ? (last, NameOf(last)) : (to, null);
        }
    }
}
