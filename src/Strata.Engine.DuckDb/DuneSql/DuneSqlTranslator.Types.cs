namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Constructs whose result type or failure depends on an operand's type, translated so that DuckDB's binder picks the
/// right form from the operand's actual type (the translator itself knows no column types):
/// <list type="bullet">
/// <item><c>date_trunc(unit, x)</c> with a constant unit keeps x's type as Trino does (a DATE stays a DATE; DuckDB's
/// <c>date_trunc</c> returns a TIMESTAMP for a DATE): DuckDB's <c>time_bucket</c> has one overload per type and buckets
/// aligned to Trino's boundaries (months, quarters and years from 2000-01-01, weeks from Monday 2000-01-03, days at
/// midnight of the session zone, UTC).</item>
/// <item><c>a[n]</c> on an array fails as Trino's does past either end ("Array subscript must be less than or equal to
/// array length: 3 &gt; 2", "Array subscript is negative: -1", "SQL array indices start at 1"; DuckDB gives NULL, or
/// counts a negative index from the end); on a map or a row the subscript is DuckDB's. The choice is
/// <c>typeof(a)</c>, which DuckDB folds to a constant when it binds, so the check costs nothing off arrays.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's date_trunc units and the DuckDB bucket of each.</summary>
    private static readonly Dictionary<string, string> TruncBuckets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["millisecond"] = "1 millisecond", ["second"] = "1 second", ["minute"] = "1 minute", ["hour"] = "1 hour",
        ["day"] = "1 day", ["week"] = "7 days", ["month"] = "1 month", ["quarter"] = "3 months", ["year"] = "1 year",
    };

    /// <summary>Trino's array subscript: an index past either end of an array is an error, never NULL.</summary>
    internal const string Subscript = "(CASE WHEN typeof($1) LIKE '%[]' AND TRY_CAST($2 AS BIGINT) = 0 THEN error('SQL array indices start at 1') "
        + "WHEN typeof($1) LIKE '%[]' AND TRY_CAST($2 AS BIGINT) < 0 THEN error('Array subscript is negative: ' || CAST($2 AS VARCHAR)) "
        + "WHEN typeof($1) LIKE '%[]' AND TRY_CAST($2 AS BIGINT) > dune_cardinality($1) THEN "
        + "error('Array subscript must be less than or equal to array length: ' || CAST($2 AS VARCHAR) || ' > ' || CAST(dune_cardinality($1) AS VARCHAR)) "
        + "ELSE ($1)[$2] END)";

    /// <summary>Words that may stand before a parenthesis without naming a function (<c>select (x)[1]</c>).</summary>
    private static readonly HashSet<string> NotFunctionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "where", "and", "or", "not", "in", "on", "when", "then", "else", "from", "join", "as", "by", "exists", "case",
        "values", "having", "over", "filter", "within", "lateral", "is", "like", "between", "return", "distinct", "all", "any",
        "some", "union", "except", "intersect", "using", "with", "set", "limit", "offset",
    };

    private sealed partial class Pass
    {
        /// <summary>Subscripts by the token where their base expression starts: the bracket pair of each.</summary>
        private Dictionary<int, List<(int Open, int Close)>>? subscripts;

        /// <summary>date_trunc('unit', x) with a constant Trino unit as time_bucket, which keeps x's type.</summary>
        private bool TryEmitDateTrunc(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 2 || close >= end || !IsSingleString(args[0])
                || !TruncBuckets.TryGetValue(Unquote(args[0].From).Trim(), out var bucket))
            {
                return false;
            }
            emitter.Text("time_bucket(INTERVAL '" + bucket + "', ", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Copy(tokens[close]);
            return true;
        }

        /// <summary>At a subscript's base: emits base[index] with Trino's array bounds; returns the next index, or -1.</summary>
        private int TryEmitSubscript(int i, int to)
        {
            subscripts ??= FindSubscripts();
            if (!subscripts.TryGetValue(i, out var here))
            {
                return -1;
            }
            // Chained a[1][2] share their base's start: the outermost one that ends inside the range is emitted here,
            // and its base (a[1]) emits the inner one.
            int pick = -1;
            for (int k = 0; k < here.Count; k++)
            {
                if (here[k].Close < to && (pick < 0 || here[k].Open > here[pick].Open))
                {
                    pick = k;
                }
            }
            if (pick < 0)
            {
                return -1;
            }
            var (open, close) = here[pick];
            EmitTemplate(Subscript, [(i, open), (open + 1, close)], tokens[open]);
            return close + 1;
        }

        private Dictionary<int, List<(int Open, int Close)>> FindSubscripts()
        {
            var found = new Dictionary<int, List<(int, int)>>();
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != DuneTokenKind.Symbol || sql[tokens[i].Start] != '[')
                {
                    continue;
                }
                int close = Close(i, tokens.Count);
                if (close >= tokens.Count || Next(i, tokens.Count) == close || HasSliceColon(i, close) || BaseStart(i) is not int start)
                {
                    continue;
                }
                if (!found.TryGetValue(start, out var list))
                {
                    found[start] = list = [];
                }
                list.Add((i, close));
            }
            return found;
        }

        /// <summary>DuckDB's a[1:2] slice is not Trino syntax; left as written.</summary>
        private bool HasSliceColon(int open, int close)
        {
            int depth = 0;
            for (int k = open + 1; k < close; k++)
            {
                if (tokens[k].Kind != DuneTokenKind.Symbol)
                {
                    continue;
                }
                char c = sql[tokens[k].Start];
                depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
                if (depth == 0 && c == ':')
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The first token of the expression a subscript bracket applies to, or null when it is not a subscript
        /// (ARRAY[…], a type's []).</summary>
        private int? BaseStart(int bracket)
        {
            int p = Previous(bracket);
            if (p < 0)
            {
                return null;
            }
            var kind = tokens[p].Kind;
            if (kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                return kind == DuneTokenKind.Word && (Is(p, "array") || NotFunctionNames.Contains(Text(p))) ? null : Qualified(p);
            }
            if (kind != DuneTokenKind.Symbol || sql[tokens[p].Start] is not (')' or ']'))
            {
                return null;
            }
            int open = Opening(p);
            if (open < 0)
            {
                return null;
            }
            int q = Previous(open);
            if (sql[tokens[open].Start] == '[')
            {
                // ARRAY[…][n], or a chained subscript whose base is the inner one's.
                return Is(q, "array") ? q : BaseStart(open);
            }
            return q >= 0 && tokens[q].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !NotFunctionNames.Contains(Text(q)) ? Qualified(q) : open;
        }

        /// <summary>A name with its qualifiers (t.col, schema.f).</summary>
        private int Qualified(int name)
        {
            int s = name;
            while (Is(Previous(s), ".") && Previous(Previous(s)) is int q && q >= 0 && tokens[q].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                s = q;
            }
            return s;
        }

        /// <summary>The bracket or parenthesis opening the one closing at index close (or -1).</summary>
        private int Opening(int close)
        {
            int depth = 0;
            for (int k = close; k >= 0; k--)
            {
                if (tokens[k].Kind != DuneTokenKind.Symbol)
                {
                    continue;
                }
                char c = sql[tokens[k].Start];
                if (c is ')' or ']')
                {
                    depth++;
                }
                else if (c is '(' or '[' && --depth == 0)
                {
                    return k;
                }
            }
            return -1;
        }
    }
}
