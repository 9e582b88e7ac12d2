namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Where the declared-type scan cannot type a value that carries a zone per row (its arguments are a table's columns,
/// whose types the scan does not know), the comparison and grouping rewrites (DuneSqlTranslator.Instants.cs,
/// DuneSqlTranslator.InstantGroups.cs) still find it (decision 279):
/// <list type="bullet">
/// <item>through calls whose Trino type is an argument's: <c>date_trunc(unit, x)</c>, <c>date_add(unit, n, x)</c>,
/// <c>try(x)</c>, <c>nullif(x, y)</c>, and the common type of <c>coalesce</c>, <c>greatest</c>, <c>least</c>, <c>if</c>
/// (any argument a zone per row makes the common type a timestamp with time zone); a window's <c>min</c>, <c>max</c>,
/// <c>arbitrary</c>, <c>any_value</c>, <c>lag</c>, <c>lead</c>, <c>first_value</c>, <c>last_value</c>,
/// <c>nth_value</c>;</item>
/// <item>through a column of a CTE or subquery, by the select item that makes it (its name or alias), however deep;</item>
/// <item>through interval arithmetic (<c>x ± INTERVAL …</c>, <c>INTERVAL … + x</c>): Trino's timestamp with time zone plus
/// an interval keeps the value's zone (decision 286).</item>
/// </list>
/// A value made of constants only stays one zone (a column of <c>from_iso8601_timestamp('2024-01-01')</c> is compared by
/// DuckDB, which keeps a table column's filter pushdown). A value behind a column list (<c>t(a, b)</c>), a lateral item
/// or a table function stays out of reach and is compared as stored.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>The functions whose Trino type is the common type of the arguments at these positions.</summary>
        private static readonly Dictionary<string, int[]> ZoneKeepingArguments = new(StringComparer.OrdinalIgnoreCase)
        {
            ["date_trunc"] = [1], ["date_add"] = [2], ["try"] = [0], ["nullif"] = [0], ["if"] = [1, 2],
        };

        private static readonly HashSet<string> ZoneKeepingWindows = new(StringComparer.OrdinalIgnoreCase)
        {
            "min", "max", "arbitrary", "any_value", "lag", "lead", "first_value", "last_value", "nth_value",
        };

        /// <summary>How many derived columns are being followed (a bound on CTEs that name one another's columns).</summary>
        private int derivedZoneDepth;

        /// <summary>The type of the call [bare, last] when an argument that keeps its type is a zone per row, else null.</summary>
        private string? KeptZoneType(int bare, int last)
        {
            if (tokens[bare].Kind != DuneTokenKind.Word)
            {
                return null;
            }
            int end = WindowlessEnd(bare, last), open = Next(bare, end + 1);
            if (!Is(open, "(") || Close(open, end + 1) != end)
            {
                return null;
            }
            var args = Arguments(open, end).Select(a => (From: Next(a.From - 1, a.To), To: Previous(a.To) + 1)).Where(a => a.From < a.To).ToList();
            string name = Text(bare);
            IEnumerable<int> positions = end != last
                ? (ZoneKeepingWindows.Contains(name) ? [0] : [])
                : name.ToLowerInvariant() is "coalesce" or "greatest" or "least" ? Enumerable.Range(0, args.Count)
                : ZoneKeepingArguments.TryGetValue(name, out int[]? kept) ? kept : [];
            foreach (int k in positions)
            {
                if (k < args.Count && RowZoneType(args[k].From, args[k].To) is { } type)
                {
                    return type;
                }
            }
            return null;
        }

        /// <summary>The type of a column [bare, last] (<c>c</c> or <c>q.c</c>) of a CTE or subquery whose select item is a
        /// zone per row, else null.</summary>
        private string? DerivedZoneType(int bare, int last)
        {
            string? qualifier = bare == last ? null : NameOf(bare), name = NameOf(last);
            if (name is null || BlockAt(bare) is not { } block || derivedZoneDepth > 16)
            {
                return null;
            }
            derivedZoneDepth++;
            try
            {
                foreach (var item in block.Items)
                {
                    if (item.Derived is not { } derived || (qualifier is not null && !string.Equals(item.Alias, qualifier, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }
                    foreach (var value in SelectItems(derived.Select))
                    {
                        if (value.From < value.To && string.Equals(OutputName(value), name, StringComparison.OrdinalIgnoreCase))
                        {
                            return RowZoneType(value.From, value.To);
                        }
                    }
                }
                return null;
            }
            finally
            {
                derivedZoneDepth--;
            }
        }

        /// <summary>The name a select item's value [From, To) gives its column: the alias after it (with or without AS),
        /// else a column's own name, else null.</summary>
        private string? OutputName((int From, int To) value)
        {
            int after = Next(Previous(value.To), tokens.Count);
            if (Is(after, "as"))
            {
                return NameOf(Next(after, tokens.Count));
            }
            if (after < tokens.Count && tokens[after].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !SelectListEnds.Contains(Text(after)))
            {
                return NameOf(after);
            }
            int last = Previous(value.To);
            bool column = last == value.From || (Is(Previous(last), ".") && Previous(Previous(last)) >= value.From);
            return column && tokens[last].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName ? NameOf(last) : null;
        }
    }
}
