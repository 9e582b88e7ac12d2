using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Declared types carried through functions and windows (decision 227, after decision 218's CTEs and set operations): an
/// expression whose Trino type follows its arguments' declared types is typed by the scan (DuneSqlTranslator.DeclaredScopes.cs)
/// as Trino types it — read in Trino's ExpressionAnalyzer and the functions' <c>@SqlType</c> signatures:
/// <list type="bullet">
/// <item><c>coalesce</c>, <c>CASE</c> (searched or simple: its THEN and ELSE results), <c>if</c>, <c>greatest</c>,
/// <c>least</c>: the common super type of the values (coerceToSingleType / the type variable E);</item>
/// <item><c>nullif(a, b)</c>: a's type (visitNullIfExpression returns the first type); <c>try(x)</c>: x's;</item>
/// <item>the window functions <c>lag</c>, <c>lead</c> (T, and the default's common type with T), <c>first_value</c>,
/// <c>last_value</c>, <c>nth_value</c>, and min/max/arbitrary/any_value with OVER, FILTER or IGNORE/RESPECT NULLS: T;</item>
/// <item><c>array_agg(x)</c> and <c>ARRAY[…]</c>: array(T); <c>element_at(a, i)</c> and <c>a[i]</c> of an array(T): T;</item>
/// <item><c>substr</c>/<c>substring</c>, <c>upper</c>, <c>lower</c>, <c>trim</c>, <c>ltrim</c>, <c>rtrim</c>, <c>reverse</c>,
/// <c>split_part</c>, two-argument <c>replace</c> of a varchar(x): varchar(x) (StringFunctions' <c>varchar(x)</c>
/// signatures; <c>concat</c> and <c>||</c> are an unbounded varchar in Trino: ConcatFunction's VARCHAR signature);</item>
/// <item><c>date_trunc(unit, x)</c> of a timestamp(p), timestamp(p) with time zone or time(p): x's type;
/// <c>x AT TIME ZONE z</c> of a timestamp(p) [with time zone]: timestamp(p) with time zone.</item>
/// </list>
/// As before, the engine takes a name only when DuckDB's type is the one the name gives (DuckDbDeclaredTypes), so a misread
/// keeps DuckDB's name.
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly HashSet<string> CommonTypeFunctions = new(StringComparer.OrdinalIgnoreCase) { "coalesce", "greatest", "least" };

    private static readonly HashSet<string> WindowValueFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "lag", "lead", "first_value", "last_value", "nth_value",
    };

    /// <summary>Functions whose first argument's varchar(x) is their result's type (StringFunctions' signatures).</summary>
    private static readonly HashSet<string> VarcharKeepingFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "substr", "substring", "upper", "lower", "trim", "ltrim", "rtrim", "reverse", "split_part",
    };

    /// <summary>The element type of an array type's scanned name, else null.</summary>
    private static string? ElementType(string? type) =>
        type is not null && type.StartsWith("array(", StringComparison.Ordinal) && type.EndsWith(')') ? type[6..^1] : null;

    private sealed partial class Pass
    {
        /// <summary>The scanned type of a function call, CASE, array, subscript or AT TIME ZONE in [from, last]; null when
        /// it is none of these or its type does not follow from its arguments' declared types.</summary>
        private string? FunctionType(int from, int last, List<ScopedRelation> relations, bool plainJoins)
        {
            if (Is(from, "case") && Is(last, "end"))
            {
                return CaseType(from, last, relations, plainJoins);
            }
            if (AtTimeZone(from, last) is int at)
            {
                var (baseName, p, _) = SplitDeclared(ItemType(from, at, relations, plainJoins).Type ?? "");
                return baseName == "timestamp" ? $"timestamp({p}) with time zone" : null;
            }
            if (Is(last, "]") && Opening(last) is int bracket && bracket > from)
            {
                if (Is(from, "array") && Next(from, last) == bracket)
                {
                    string? element = NullType;
                    foreach (var (f, t) in Arguments(bracket, last))
                    {
                        element = CommonDeclaredType(element, ItemType(Next(f - 1, t), t, relations, plainJoins).Type);
                    }
                    return element is null or NullType ? null : "array(" + element + ")";
                }
                return ElementType(ItemType(from, bracket, relations, plainJoins).Type);
            }
            int end = WindowlessEnd(from, last);
            int open = Next(from, end + 1);
            if (Tokens[from].Kind != DuneTokenKind.Word || !Is(open, "(") || Close(open, end + 1) != end)
            {
                return null;
            }
            string name = Text(from).ToLowerInvariant();
            bool windowed = end != last;
            if (windowed && !WindowValueFunctions.Contains(name) && !SameTypeAggregates.Contains(name))
            {
                return null;
            }
            var args = Arguments(open, end).Select(a => (From: Next(a.From - 1, a.To), a.To)).ToList();
            if (args.Count == 1)
            {
                args[0] = Operand(name, args[0]);
            }
            string? ArgType(int k) => k < args.Count ? ItemType(args[k].From, args[k].To, relations, plainJoins).Type : null;
            switch (name)
            {
                case "coalesce" or "greatest" or "least" when args.Count >= 1:
                    string? common = NullType;
                    for (int k = 0; k < args.Count; k++)
                    {
                        common = CommonDeclaredType(common, ArgType(k));
                    }
                    return common;
                case "if" when args.Count is 2 or 3:
                    return args.Count == 2 ? ArgType(1) : CommonDeclaredType(ArgType(1), ArgType(2));
                case "nullif" when args.Count == 2:
                    return ArgType(0);
                case "try" when args.Count == 1:
                    return ArgType(0);
                case "lag" or "lead" when args.Count is >= 1 and <= 3:
                    return args.Count == 3 ? CommonDeclaredType(ArgType(0), ArgType(2)) : ArgType(0);
                case "first_value" or "last_value" when args.Count == 1:
                    return ArgType(0);
                case "nth_value" when args.Count == 2:
                    return ArgType(0);
                case "min" or "max" or "arbitrary" or "any_value" when windowed && args.Count == 1:
                    return ArgType(0);
                case "array_agg" when args.Count == 1 && !Is(args[0].From, "distinct"):
                    return ArgType(0) is { } element && element != NullType ? "array(" + element + ")" : null;
                case "element_at" when args.Count == 2:
                    return ElementType(ArgType(0));
                case "with_timezone" or "at_timezone" when args.Count == 2:
                    // Trino's DateTimeFunctions: with_timezone(timestamp(p), zone) and at_timezone(timestamp(p) [with time
                    // zone], zone) are timestamp(p) with time zone, as x AT TIME ZONE z is.
                    var (zoned, precision, _) = SplitDeclared(ArgType(0)?.TrimStart(LiteralMark) ?? "");
                    return zoned == "timestamp" ? $"timestamp({precision}) with time zone" : null;
                case "current_timestamp" or "localtimestamp" when args.Count == 1 && Tokens[args[0].From].Kind == DuneTokenKind.Number
                    && args[0].From == Previous(args[0].To) && int.TryParse(Text(args[0].From), NumberStyles.None, CultureInfo.InvariantCulture, out int digits)
                    && digits <= 12:
                    // current_timestamp(p) is timestamp(p) with time zone, localtimestamp(p) timestamp(p) (Trino's datetime.md).
                    return $"timestamp({digits})" + (name == "current_timestamp" ? " with time zone" : "");
                case "date_add" when args.Count == 3:
                    // Trino's DateAdd: date_add(unit, bigint, timestamp(p) [with time zone]) is x's type.
                    string? added = ArgType(2);
                    return SplitDeclared(added ?? "").Base is "timestamp" ? added : null;
                case "date_trunc" when args.Count == 2:
                    string? truncated = ArgType(1);
                    return SplitDeclared(truncated ?? "").Base is "timestamp" or "time" ? truncated : null;
                case "replace" when args.Count == 2:
                case var _ when VarcharKeepingFunctions.Contains(name) && args.Count >= 1:
                    string? text = ArgType(0);
                    return SplitDeclared(text ?? "").Base == "varchar" && text![0] != LiteralMark ? text : null;
                default:
                    return null;
            }
        }

        /// <summary>The operand of a one-argument call's SQL-standard form: <c>substring(x FROM 2 [FOR 3])</c> and
        /// <c>array_agg(x ORDER BY y)</c> read x, <c>trim([BOTH|LEADING|TRAILING] [chars] FROM x)</c> reads x.</summary>
        private (int From, int To) Operand(string name, (int From, int To) argument)
        {
            for (int k = argument.From; k < argument.To; k = Next(IsOpening(k) ? Close(k, argument.To) : k, argument.To))
            {
                if (name == "trim" && Is(k, "from"))
                {
                    return (Next(k, argument.To), argument.To);
                }
                if ((name == "substring" && Is(k, "from")) || (name == "array_agg" && Is(k, "order") && Is(Next(k, argument.To), "by")))
                {
                    return (argument.From, k);
                }
            }
            return argument;
        }

        /// <summary>The last token of a call before its window (<c>OVER (…)</c>, <c>OVER w</c>), FILTER (…) and
        /// IGNORE/RESPECT NULLS; last itself when it has none.</summary>
        private int WindowlessEnd(int from, int last)
        {
            int end = last;
            if (Is(end, ")") && Opening(end) is int open && open > from && Is(Previous(open), "over"))
            {
                end = Previous(Previous(open));
            }
            else if (Is(Previous(end), "over") && Tokens[end].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                end = Previous(Previous(end));
            }
            if (Is(end, ")") && Opening(end) is int filter && filter > from && Is(Previous(filter), "filter"))
            {
                end = Previous(Previous(filter));
            }
            if (Is(end, "nulls") && (Is(Previous(end), "ignore") || Is(Previous(end), "respect")))
            {
                end = Previous(Previous(end));
            }
            return end < from ? last : end;
        }

        /// <summary>The index of <c>AT</c> of a trailing <c>AT TIME ZONE 'zone'</c> in [from, last], else null.</summary>
        private int? AtTimeZone(int from, int last)
        {
            int zone = Previous(last), time = Previous(zone), at = Previous(time);
            return at > from && Is(at, "at") && Is(time, "time") && Is(zone, "zone") && IsTerminatedString(last) ? at : null;
        }

        /// <summary>A CASE's type: the common super type of its THEN and ELSE results (a missing ELSE is NULL).</summary>
        private string? CaseType(int from, int last, List<ScopedRelation> relations, bool plainJoins)
        {
            string? common = NullType;
            int depth = 0, start = -1;
            for (int k = Next(from, last); k <= last; k = Next(IsOpening(k) ? Close(k, last) : k, last + 1))
            {
                bool boundary = depth == 0 && (Is(k, "when") || Is(k, "else") || k == last);
                if (boundary && start >= 0)
                {
                    common = CommonDeclaredType(common, ItemType(start, k, relations, plainJoins).Type);
                    start = -1;
                }
                if (depth == 0 && (Is(k, "then") || Is(k, "else")))
                {
                    start = Next(k, last);
                }
                depth += Is(k, "case") ? 1 : Is(k, "end") && k != last ? -1 : 0;
            }
            return common == NullType ? null : common;
        }
    }
}
