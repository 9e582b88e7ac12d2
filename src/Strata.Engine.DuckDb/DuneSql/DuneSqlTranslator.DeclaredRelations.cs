using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Declared column types carried through a query (decision 218, DuneSqlTranslator.DeclaredScopes.cs): a select
/// item's name and scanned type, and the relations of a FROM clause whose columns the scan can see.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>An item's name (a column it reads, else null) and scanned type.</summary>
        private (string? Name, string? Type) ItemType(int from, int to, List<ScopedRelation> relations, bool plainJoins)
        {
            // Nested items recurse through FunctionType (decision 227): a deep nest is the translator's "nests too deeply".
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            (from, int last) = Unparenthesized(from, to);
            if (from == last && Is(from, "null"))
            {
                return (null, NullType);
            }
            if (from == last && IsTerminatedString(from) && !Is(Previous(from), "."))
            {
                int length = Unquote(from).EnumerateRunes().Count();
                return (null, LiteralMark + "varchar(" + length.ToString(CultureInfo.InvariantCulture) + ")");
            }
            if (from == last && Tokens[from].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && NameOf(from) is { } bare)
            {
                return (bare, plainJoins ? ColumnType(null, bare, relations) : null);
            }
            if (Previous(last) is int dot && Is(dot, ".") && Previous(dot) == from && NameOf(from) is { } qualifier && NameOf(last) is { } column)
            {
                return (column, ColumnType(qualifier, column, relations));
            }
            if (SameTypeAggregates.Contains(Text(from)) && Next(from, last) is int open && Is(open, "(") && Close(open, last + 1) == last
                && Arguments(open, last) is [var argument])
            {
                // min/max/arbitrary/any_value(x) is x's type in Trino (also DISTINCT x); 2-argument forms are arrays.
                int inner = Is(argument.From, "distinct") ? Next(argument.From, argument.To) : argument.From;
                return (null, ItemType(inner, argument.To, relations, plainJoins).Type);
            }
            return (null, DeclaredType(from, last) ?? TimestampArithmeticType(from, last, relations, plainJoins) ?? FunctionType(from, last, relations, plainJoins));
        }

        /// <summary>The scanned type of a column read by name: the one relation (named <paramref name="qualifier"/> when
        /// given) whose known columns name it; null when none, several, or an unknown relation it may belong to.</summary>
        private static string? ColumnType(string? qualifier, string column, List<ScopedRelation> relations)
        {
            string? found = null;
            int matches = 0;
            foreach (var relation in relations)
            {
                if (qualifier is not null && !string.Equals(relation.Name, qualifier, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (relation.Columns is null)
                {
                    if (qualifier is not null)
                    {
                        return null;
                    }
                    continue; // a table's column of that name would make the reference ambiguous in Trino
                }
                foreach (var c in relation.Columns.Columns)
                {
                    if (string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
                    {
                        found = c.Type;
                        matches++;
                    }
                }
            }
            return matches == 1 ? found : null;
        }

        /// <summary>Words that end a JSON_TABLE column's type (its PATH, FORMAT and behaviour clauses).</summary>
        private static readonly HashSet<string> JsonTableTypeEnds = new(StringComparer.OrdinalIgnoreCase)
        {
            "path", "format", "default", "null", "error", "empty", "with", "without", "keep", "omit",
        };

        /// <summary>The columns of <c>JSON_TABLE(…)</c> between open and close: each definition's name and declared type
        /// (decision 227); null (unknown) when a NESTED PATH flattens more columns in, or a definition is not read.</summary>
        private ScopedColumns? JsonTableColumns(int open, int close)
        {
            int list = -1;
            for (int k = Next(open, close); k < close; k = Next(IsOpening(k) ? Close(k, close) : k, close))
            {
                if (Is(k, "columns") && Is(Next(k, close), "("))
                {
                    list = Next(k, close);
                    break;
                }
            }
            if (list < 0)
            {
                return null;
            }
            var columns = new List<ScopedColumn>();
            foreach (var (f, t) in Arguments(list, Close(list, close)))
            {
                int first = Next(f - 1, t), type = Next(first, t);
                if (Is(first, "nested") || NameOf(first) is not { } name || type >= t)
                {
                    return null;
                }
                int end = type;
                while (end < t && !(JsonTableTypeEnds.Contains(Text(end)) && !(Is(end, "with") && Is(Next(end, t), "time"))))
                {
                    end = Next(IsOpening(end) ? Close(end, t) : end, t);
                }
                bool ordinality = Is(type, "for") && Is(Next(type, t), "ordinality");
                columns.Add(new(name, ordinality ? null : TypeText(type, Math.Min(end, t))));
            }
            return new(columns, false);
        }

        /// <summary>The relations of a FROM clause starting at i (to its end at this depth), and whether no join merges
        /// columns (USING, NATURAL).</summary>
        private (List<ScopedRelation> Relations, bool PlainJoins) FromRelations(int i, int to, Dictionary<string, ScopedColumns?> ctes, int depth)
        {
            var relations = new List<ScopedRelation>();
            bool plain = true;
            while (i < to && !FromClauseEnds.Contains(Text(i)) && !Is(i, ";"))
            {
                i = Is(i, "lateral") ? Next(i, to) : i;
                string? name = null;
                ScopedColumns? columns = null;
                if (Is(i, "("))
                {
                    int close = Close(i, to), inner = Next(i, close);
                    columns = Is(inner, "select") || Is(inner, "with") || Is(inner, "(") ? QueryColumns(inner, close, ctes, depth + 1) : null;
                    i = Next(close, to);
                }
                else if (NameOf(i) is { } first)
                {
                    int k = i, parts = 1;
                    while (Is(Next(k, to), ".") && NameOf(Next(Next(k, to), to)) is not null)
                    {
                        k = Next(Next(k, to), to);
                        parts++;
                    }
                    name = NameOf(k);
                    i = Next(k, to);
                    if (Is(i, "("))
                    {
                        // A table function (unnest, …): unknown columns; JSON_TABLE's are its declared ones.
                        columns = parts == 1 && Is(k, "json_table") ? JsonTableColumns(i, Close(i, to)) : null;
                        i = Next(Close(i, to), to);
                        name = null;
                    }
                    else if (parts == 1 && ctes.TryGetValue(first, out var cte))
                    {
                        columns = cte;
                    }
                }
                i = Is(i, "as") ? Next(i, to) : i;
                if (NameOf(i) is { } alias && !NotAliases.Contains(Text(i)))
                {
                    name = alias;
                    i = Next(i, to);
                    if (Is(i, "("))
                    {
                        var names = NameList(i, to);
                        columns = names is null ? null : Renamed(columns ?? ScopedColumns.Unknown, names);
                        i = Next(Close(i, to), to);
                    }
                }
                relations.Add(new(name, columns));
                // To the next relation: past the join's condition and the next join's words.
                while (i < to && !Is(i, ",") && !Is(i, "join") && !FromClauseEnds.Contains(Text(i)) && !Is(i, ";"))
                {
                    plain &= !Is(i, "using") && !Is(i, "natural");
                    i = Next(IsOpening(i) ? Close(i, to) : i, to);
                }
                if (Is(i, ",") || Is(i, "join"))
                {
                    i = Next(i, to);
                }
            }
            return (relations, plain);
        }
    }
}
