namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Constructs whose result type or failure depends on an operand's type, translated so that DuckDB's binder picks the
/// right form from the operand's actual type (the translator itself knows no column types):
/// <list type="bullet">
/// <item><c>date_trunc(unit, x)</c> with a constant unit keeps x's type as Trino does (a DATE stays a DATE; DuckDB's
/// <c>date_trunc</c> returns a TIMESTAMP for a DATE): DuckDB's <c>time_bucket</c> has one overload per type and buckets
/// aligned to Trino's boundaries (months, quarters and years from 2000-01-01, weeks from Monday 2000-01-03, days at
/// midnight of the session zone, UTC).</item>
/// <item><c>a[n]</c>: see DuneSqlTranslator.Nested.cs.</item>
/// <item><c>||</c> with arrays and bare NULLs: see DuneSqlTranslator.Concatenation.cs.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    private enum OperandKind : byte { Unknown, Array, Element }

    /// <summary>Trino's date_trunc units and the DuckDB bucket of each. A day and a week are written in hours (decision
    /// 165): for a TIMESTAMPTZ, ICU's time_bucket walks a calendar per row for a width with days (about 10 µs a row,
    /// 10 s over prices.usd) and is plain arithmetic for one of micros, and in the session zone (UTC) both give the same
    /// buckets from the same origin (Monday 2000-01-03), as they do for every other type. A bucket of months has no
    /// width in micros: it goes to <see cref="DuneTimeTruncation.MonthsFunction"/> (decision 173).</summary>
    private static readonly Dictionary<string, string> TruncBuckets =
        DuneTimeTruncation.TruncUnits.ToDictionary(u => u.Name, u => u.Text, StringComparer.OrdinalIgnoreCase);

    /// <summary>Type names that make a typed literal of the string after them (<c>DATE '2020-01-01'</c>, <c>X'01'</c>).</summary>
    private static readonly HashSet<string> TypedLiterals = new(StringComparer.OrdinalIgnoreCase)
    {
        "x", "date", "timestamp", "time", "uint256", "int256", "bigint", "integer", "smallint", "tinyint", "double", "real", "decimal", "varchar", "json",
    };

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

        private bool IsArithmetic(int i) => Is(i, "+") || Is(i, "-") || Is(i, "*") || Is(i, "/") || Is(i, "%");

        /// <summary>The first token of the primary expression that ends at token last, or null.</summary>
        private int? PrimaryStart(int last)
        {
            var kind = tokens[last].Kind;
            if (kind is DuneTokenKind.Number or DuneTokenKind.HexBinary)
            {
                return Is(Previous(last), "-") && !IsOperandEnd(Previous(Previous(last))) ? Previous(last) : last;
            }
            if (kind == DuneTokenKind.String)
            {
                int p = Previous(last);
                return p >= 0 && tokens[p].Kind == DuneTokenKind.Word && TypedLiterals.Contains(Text(p)) ? p : last;
            }
            if (kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                return NotFunctionNames.Contains(Text(last)) ? null : Qualified(last);
            }
            if (kind == DuneTokenKind.Symbol && sql[tokens[last].Start] == ']')
            {
                int open = Opening(last);
                return open < 0 ? null : Is(Previous(open), "array") ? Previous(open) : BaseStart(open);
            }
            if (kind == DuneTokenKind.Symbol && sql[tokens[last].Start] == ')')
            {
                int open = Opening(last);
                int q = Previous(open);
                return open < 0 ? null
                    : q >= 0 && tokens[q].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !NotFunctionNames.Contains(Text(q)) ? Qualified(q) : open;
            }
            return null;
        }

        private bool IsOperandEnd(int i) => i >= 0 && (tokens[i].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName or DuneTokenKind.Number
            or DuneTokenKind.String or DuneTokenKind.HexBinary || Is(i, ")") || Is(i, "]")) && !NotFunctionNames.Contains(Text(i));

        /// <summary>The index after the primary expression starting at first (with its subscripts), or -1.</summary>
        private int PrimaryEnd(int first)
        {
            if (first >= tokens.Count)
            {
                return -1;
            }
            int end;
            var kind = tokens[first].Kind;
            int next = Next(first, tokens.Count);
            if (Is(first, "-") && next < tokens.Count && tokens[next].Kind == DuneTokenKind.Number)
            {
                return next + 1;
            }
            if (kind is DuneTokenKind.Number or DuneTokenKind.HexBinary)
            {
                return first + 1;
            }
            if (kind == DuneTokenKind.String)
            {
                end = first + 1;
            }
            else if (kind == DuneTokenKind.Word && TypedLiterals.Contains(Text(first)) && next < tokens.Count && tokens[next].Kind == DuneTokenKind.String)
            {
                return next + 1;
            }
            else if (Is(first, "array") && Is(next, "["))
            {
                end = Close(next, tokens.Count) + 1;
            }
            else if (kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !NotFunctionNames.Contains(Text(first)))
            {
                end = first + 1;
                while (Is(Next(end - 1, tokens.Count), ".") && Next(Next(end - 1, tokens.Count), tokens.Count) is int n && n < tokens.Count
                    && tokens[n].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
                {
                    end = n + 1;
                }
                if (Is(Next(end - 1, tokens.Count), "("))
                {
                    end = Close(Next(end - 1, tokens.Count), tokens.Count) + 1;
                }
            }
            else if (Is(first, "("))
            {
                end = Close(first, tokens.Count) + 1;
            }
            else
            {
                return -1;
            }
            while (end <= tokens.Count && Is(Next(end - 1, tokens.Count), "["))
            {
                end = Close(Next(end - 1, tokens.Count), tokens.Count) + 1;
            }
            return end > tokens.Count ? -1 : end;
        }

        /// <summary>What an operand's form says of its type: an array, an element (a literal), or unknown.</summary>
        private OperandKind KindOf(int from, int to)
        {
            int last = Previous(to);
            if (last < from)
            {
                return OperandKind.Unknown;
            }
            if (Is(from, "array") && Is(Next(from, to), "[") && Close(Next(from, to), to) == last)
            {
                return OperandKind.Array;
            }
            if (Is(last, ")") && tokens[from].Kind == DuneTokenKind.Word && Opening(last) == Next(from, to))
            {
                if (Is(from, "cast") || Is(from, "try_cast"))
                {
                    int type = Previous(last);
                    return Is(type, ")") && Is(Previous(Opening(type)), "array") ? OperandKind.Array : OperandKind.Unknown;
                }
                return ArrayFunctions.Contains(Text(from)) ? OperandKind.Array : OperandKind.Unknown;
            }
            bool literal = tokens[from].Kind is DuneTokenKind.Number || (Is(from, "-") && tokens[last].Kind == DuneTokenKind.Number)
                || (tokens[last].Kind == DuneTokenKind.String && (last == from || TypedLiterals.Contains(Text(from))));
            return literal && last <= Next(from, to) ? OperandKind.Element : OperandKind.Unknown;
        }

        /// <summary>date_trunc('unit', x) with a constant Trino unit as dune_time_bucket, which keeps x's type and refuses, in
        /// Trino's words, a unit x's type does not take (a DATE's hour, a TIME's day: DuckDB's time_bucket answered the
        /// first and has no TIME overload; the native bucket measured as fast as time_bucket for a TIMESTAMP and 2.6 times
        /// faster for a TIMESTAMPTZ, docs/notes/dune-types19.md). Any other unit (a column, a CASE, a literal Trino does not take) is read per row:
        /// <c>dune_time_bucket(dune_trunc_unit(u, typeof(x)), x)</c>, the same buckets, x's type kept, and Trino's failure for
        /// a unit it does not know (<see cref="DuneTimeTruncation"/>; typeof is folded when DuckDB binds).</summary>
        private bool TryEmitDateTrunc(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 2 || close >= end)
            {
                return false;
            }
            if (Next(args[1].From - 1, args[1].To) is int value && Is(value, "null") && Next(value, args[1].To) >= args[1].To)
            {
                // A bare NULL binds no one overload (DATE and TIME tie): a DATE's, as DuckDB chose before TIME had one.
                emitter.Text("CAST(NULL AS DATE)", anchor);
                return true;
            }
            if (!IsSingleString(args[0]) || !TruncBuckets.TryGetValue(Unquote(args[0].From), out var bucket))
            {
                emitter.Text(DuneTimeTruncation.MonthsFunction + "(" + DuneTimeTruncation.UnitFunction + "((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text("), typeof((", anchor);
                Emit(args[1].From, args[1].To);
                emitter.Text("))), ", anchor);
                Emit(args[1].From, args[1].To);
                emitter.Copy(tokens[close]);
                return true;
            }
            emitter.Text(DuneTimeTruncation.MonthsFunction + "(INTERVAL '" + bucket + "', ", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Copy(tokens[close]);
            return true;
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
    }
}
