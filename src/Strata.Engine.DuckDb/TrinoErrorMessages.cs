using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// DuckDB's words for the common numeric overflows, in Trino's (decision "dune-types8"), so that an error a user reads
/// is the one Dune shows:
/// <list type="bullet">
/// <item>Integer arithmetic: DuckDB's <c>Overflow in addition of INT64 (9223372036854775807 + 1)!</c> is Trino's
/// <c>bigint addition overflow: 9223372036854775807 + 1</c> (BigintOperators, IntegerOperators, SmallintOperators,
/// TinyintOperators), likewise subtraction and multiplication.</item>
/// <item>Decimal arithmetic past 38 digits: DuckDB's <c>Overflow in multiplication of DECIMAL(38) (…)</c> is Trino's
/// <c>Decimal overflow</c>.</item>
/// <item>A cast out of range: from an integer type, Trino's <c>Out of range for integer: 3000000000</c>; from a double
/// or real, <c>Unable to cast 1.0E19 to bigint</c> (DoubleOperators, RealOperators; the value in Java's text).</item>
/// <item>A function DuckDB does not have: <c>Scalar Function with name foo does not exist!</c> and its "Did you mean"
/// line (which names a DuckDB function a Dune user cannot look up) is Trino's <c>Function 'foo' not registered</c>.</item>
/// <item>A timestamp(9) ordered against, between or combined with a timestamp with time zone, which DuckDB's binder
/// refuses: both types by Trino's names and the casts that make it run.</item>
/// </list>
/// The binder's and the casts' common errors are in <c>TrinoErrorMessages.Binder.cs</c>. Anything else is DuckDB's
/// message without its suggestions, after DuckDB's type (<c>Binder Error: …</c>), which says whose words they are. The
/// message holds the operands and values DuckDB names, as Trino's does; no other value is added.
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"^Overflow in (addition|subtraction|multiplication) of (INT8|INT16|INT32|INT64) \((-?\d+) ([-+*]) (-?\d+)\)!?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArithmeticOverflow();

    [GeneratedRegex(@"^Overflow in (?:addition|subtraction|subtract|multiplication) of DECIMAL\(\d+\) \(", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalOverflow();

    [GeneratedRegex(@"^Type (INT8|INT16|INT32|INT64|INT128|UINT8|UINT16|UINT32|UINT64|DOUBLE|FLOAT) with value (\S+) can't be cast because the value is out of range for the destination type (INT8|INT16|INT32|INT64)( when casting from source column \S+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CastOutOfRange();

    [GeneratedRegex(@"^(?:Scalar|Aggregate|Table) Function with name (\S+) does not exist!", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownFunction();

    [GeneratedRegex(@"^(?:Cannot compare values of type (?<a>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE) and type (?<b>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)|Cannot mix values of type (?<a>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE) and (?<b>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE) in (?<clause>BETWEEN) clause|Cannot combine types of (?<a>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE) and (?<b>TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)) - an explicit cast is required$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NanosAgainstZone();

    /// <summary>A date/time unit Trino does not take (date_trunc's and date_diff's native functions fail in Trino's words).</summary>
    [GeneratedRegex(@"^'[^'\n]{0,200}' is not a valid (Timestamp|TIMESTAMP|DATE|Time|TIME) field$", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidUnit();

    /// <summary>parse_data_size's failures (DuneDataSize and its template), the weighted approx_percentile's
    /// (DuneWeightedPercentile), approx_percentile's NaN and infinite values (airlift TDigest.add's words), listagg's
    /// output past its bound and its filler past 65,536 bytes (AbstractListaggAggregationState's), the special date/timestamp
    /// texts' refusals (DuneSpecialTimes, the casts' guard), and a text that is no uint256/int256 (DuneInt256's casts,
    /// VarcharOperators' "Cannot cast '…' to BIGINT" form), the regexp_* functions' group, position and replacement checks
    /// (JoniRegexpFunctions', through DuneJavaRegexp) and that function's own refusals, chr's code point (DuneChr, StringFunctions.chr), in Trino's words.</summary>
    [GeneratedRegex(@"^(Value out of range|Invalid data size): '|^weight must be (>= 1|finite), was \S+$|^Percentile must be between 0 and 1$|^value (is NaN|must be finite)$|^Concatenated string has the length in bytes larger than the maximum output length \d+$|^Overflow filler length \d+ exceeds maximum length \d+$|^Value cannot be cast to (date|timestamp|timestamp with time zone): |^Invalid format: ""|^Cannot cast '.*' to (?:u?int256|varchar)$|^ARRAY comparison not supported for arrays with null elements$|^Pattern has \d+ groups\. Cannot access group \d+$|^Group cannot be negative$|^Illegal replacement sequence: |^(start position|occurrence) cannot be smaller than 1$|^regexp_\w+: Strata reads this pattern|^regexp functions: |^Millis overflow: -?\d+$|^from_unixtime_nanos: |^Not a valid Unicode code point: -?\d+$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TrinoWordsFailure();

    /// <summary>Strata's subscripts, map subscript, sequence, lpad/rpad, from_base/to_base, repeat and json_parse refusing
    /// a value, already in Trino's words (ArraySubscriptOperator, MapSubscriptOperator, SequenceFunction, StringFunctions,
    /// MathFunctions, RepeatFunction, JsonFunctions; decision 226; VarbinaryFunctions' from_hex; decision 234: DuneSetTypes' set
    /// operation columns, ConcatFunction's arity; decision 233: window offsets, Decimal overflow, u?int256 overflow; decision
    /// 244: from_unixtime's offset, format_datetime's zone names; DateTimeOperators' time of day on a date; lpad/rpad's empty padding and
    /// DuneValueBound's refusal of a value past 16 MiB): they stand
    /// without DuckDB's "Invalid Input Error".</summary>
    [GeneratedRegex(@"^(?:Cannot unnest type: [a-z].*|Unexpected parameters for function approx_most_frequent\. Expected: .*|Unexpected parameters \([a-z0-9(), ]{1,200}\) for function reverse|Array subscript must be less than or equal to array length: -?\d+ > \d+|SQL array indices start at 1|Array subscript is negative: -?\d+|Key not present in map: .*|result of sequence function must not have more than 10000 entries|step must not be zero|sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start|Target length must be in the range \[0\.\.2147483647\]|Not a valid base-\d+ number: .*|Radix must be between 2 and 36|count argument of repeat function must be (?:greater|less) than or equal to \d+|Cannot convert value to JSON: '.*'|UNION query has different number of fields: \d+, \d+|column \d+ in (?:UNION|INTERSECT|EXCEPT) query has incompatible types: .*|There must be two or more concatenation arguments|invalid input length \d+|invalid hex character: .|Decimal overflow|Offset must be at least [01]|Invalid offset minutes -?\d+|format_datetime pattern z+ \(the zone's (?:short|long) name\) is not supported for the zone .*|Window frame offset value must not be negative or null|Cannot (?:add hour, minutes or seconds to|subtract hour, minutes or seconds from) a date|Padding (?:string|bytes) must not be empty|[a-z_]+: [a-z ]+ is past \d+, the most bytes a value may hold \(16 MiB\); the answer could not be returned|u?int256 (?:addition|subtraction|multiplication|division|negation|absolute value|rounding|modulus) overflow: the result is outside \[(?:0|-2\^255), 2\^25[56]-1\])$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex StrataTrinoWords();

    /// <summary>DuckDB refusing a negative or NULL frame offset it checks itself (a RANGE's interval offset, decision 233).</summary>
    [GeneratedRegex(@"^(?:Invalid (?:ROWS|RANGE|GROUPS) (?:PRECEDING|FOLLOWING) value|Window RANGE expressions cannot be NULL)$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameOffset();

    /// <summary>DuckDB's refusals that Trino words otherwise (decision 226).</summary>
    [GeneratedRegex(@"^(?:(?<align>The map key list does not align with the map value list\.)|(?<ntile>Argument for ntile must be greater than zero)|Overflow on abs\((?<abs>-\d+)\)|Invalid UTF8 Codepoint (?<chr>-?\d+)|Subquery returns (?<columns>\d+) columns - expected 1|Duplicate CTE name ""(?<cte>[^""]*)""|table ""(?<table>[^""]*)"" has (?<available>\d+) columns available but (?<specified>\d+) columns specified|Could not convert string ""(?<decimal>.*)"" to DECIMAL\((?<p>\d+),(?<s>\d+)\))$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex TrinoWordedElsewhere();

    /// <summary>DuckDB's approx_quantile refusing a NULL element of its percentiles or one outside 0..1.</summary>
    [GeneratedRegex(@"^APPROXIMATE QUANTILE (?:(?<null>parameter cannot be NULL)|can only take parameters in range \[0, 1\])$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PercentileParameter();

    /// <summary>DuckDB's parser refusing an expression nested past its depth limit; its advice names a setting the
    /// sandbox does not let a query change.</summary>
    [GeneratedRegex(@"^Max expression depth limit of (\d+) exceeded\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExpressionDepth();

    /// <summary>Trino's message for DuckDB's, or DuckDB's own (without its suggestions) when it is none of the classes
    /// above or in <c>TrinoErrorMessages.Binder.cs</c>.</summary>
    internal static string Rewrite(string message) => ToTrino(message, null, null) ?? WithoutSuggestions(message);

    /// <summary>
    /// Trino's message for DuckDB's <paramref name="message"/>, or null when Strata has none. <paramref name="text"/> is the
    /// SQL DuckDB ran and <paramref name="offset"/> the character DuckDB points at in it, when known: a table's name and an
    /// operator are read there (DuckDB's message names a table by its last part only, and no comparison's operator).
    /// </summary>
    internal static string? ToTrino(string message, string? text, int? offset)
    {
        if (UnknownFunction().Match(message) is { Success: true } unknown)
        {
            // A name Trino or Dune defines that DuckDB has under no signature reaches DuckDB only with a count of
            // arguments none of Strata's forms takes (array_max(), bitwise_and(1)): the function exists, its parameters
            // do not fit, as Trino's analyzer says.
            string name = unknown.Groups[1].Value.ToLowerInvariant();
            return DuneFunctionRegistry.IsKnown(name) ? $"Unexpected parameters for function {name}" : $"Function '{name}' not registered";
        }
        if ((JodaParseFailure(message) ?? JoniPatternFailure(message)) is { } words)
        {
            return words;
        }
        if (InSubqueryMismatch(message, text, offset) is { } mismatch)
        {
            return mismatch;
        }
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        string first = newline < 0 ? message : message[..newline];
        return RewriteLine(first) ?? RewriteBinder(first, text, offset);
    }

    /// <summary>Strata's words for DuckDB's parser refusing an expression nested past its depth limit, or null for any other
    /// message (the parser's errors are otherwise DuckDB's own).</summary>
    internal static string? ExpressionTooDeep(string message) =>
        ExpressionDepth().Match(message) is { Success: true } depth ? ExpressionTooDeepWords(depth.Groups[1].Value) : null;

    /// <summary>The refusal of an expression nested past <paramref name="limit"/> levels (DuckDB's, or the translator's
    /// <see cref="DuneSql.DuneSqlTranslator.MaxExpressionDepth"/>).</summary>
    internal static string ExpressionTooDeepWords(string limit) =>
        $"Expression nested too deeply: Strata's limit is {limit} levels of nested operators and "
        + "calls; write the expression with fewer levels (a long chain of a + b + … nests one level a term)";

    private static string? RewriteLine(string message)
    {
        if (ExpressionTooDeep(message) is { } tooDeep)
        {
            return tooDeep;
        }
        if (PercentileParameter().Match(message) is { Success: true } percentile)
        {
            // DuckDB's approx_quantile checks its constant percentiles when it binds; Trino's approx_percentile checks an
            // array's elements (ApproximateDoublePercentileArrayAggregations) and the range in its output function.
            return percentile.Groups["null"].Success ? "Percentile cannot be null" : "Percentile must be between 0 and 1";
        }
        if (message == "Division by zero" || InvalidUnit().IsMatch(message) || TrinoWordsFailure().IsMatch(message))
        {
            // Trino's own words (its integer and decimal operators', its date_trunc's and date_diff's), which Strata's
            // division and date/time functions already give:
            // they stand alone, without DuckDB's "Invalid Input Error" in front.
            return message;
        }
        if (StrataTrinoWords().IsMatch(message))
        {
            return message;
        }
        if (FrameOffset().IsMatch(message))
        {
            return DuneSqlTranslator.FrameOffsetMessage; // QueryPlanner's check of each row's offset
        }
        if (TrinoWordedElsewhere().Match(message) is { Success: true } other)
        {
            return OtherWords(other);
        }
        if (message.StartsWith("More than one row returned by a subquery used as an expression", StringComparison.Ordinal))
        {
            // Trino's SUBQUERY_MULTIPLE_ROWS: a scalar subquery of more than one row fails (DuckDB's advice names a setting
            // that would return one of them instead).
            return "Scalar sub-query has returned multiple rows";
        }
        if (message.StartsWith("subqueries in lambda expressions are not supported", StringComparison.Ordinal))
        {
            // Trino's ExpressionAnalyzer refuses the same (NOT_SUPPORTED), in these words (hostile19).
            return "Lambda expression cannot contain subqueries";
        }
        if (ArithmeticOverflow().Match(message) is { Success: true } overflow)
        {
            return $"{TrinoName(overflow.Groups[2].Value)} {overflow.Groups[1].Value} overflow: {overflow.Groups[3].Value} {overflow.Groups[4].Value} {overflow.Groups[5].Value}";
        }
        if (DecimalOverflow().IsMatch(message))
        {
            // Trino's DecimalOperators: a sum, difference or product past its type's 38 digits (decision "dune-types17").
            return "Decimal overflow";
        }
        if (CastOutOfRange().Match(message) is { Success: true } cast)
        {
            string target = TrinoName(cast.Groups[3].Value), value = cast.Groups[2].Value;
            if (cast.Groups[1].Value is "DOUBLE" or "FLOAT")
            {
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                    ? $"Unable to cast {(cast.Groups[1].Value == "DOUBLE" ? DuneNumeric.DoubleText(d) : DuneNumeric.RealText((float)d))} to {target}"
                    : null;
            }
            return $"Out of range for {target}: {value}";
        }
        if (NanosAgainstZone().Match(message) is { Success: true } nanos && nanos.Groups["a"].Value != nanos.Groups["b"].Value)
        {
            // Trino compares them (the timestamp taken in the session zone, UTC on Dune); DuckDB's binder refuses
            // TIMESTAMP_NS against TIMESTAMPTZ in an ordering, a BETWEEN and a common type (decision "dune-types13").
            string a = TemporalName(nanos.Groups["a"].Value), b = TemporalName(nanos.Groups["b"].Value);
            string what = message.StartsWith("Cannot combine", StringComparison.Ordinal) ? $"Cannot combine {a} and {b} in one value"
                : nanos.Groups["clause"].Success ? $"Cannot compare {a} with {b} in BETWEEN" : $"Cannot compare {a} with {b}";
            return $"{what} here (Trino would take the timestamp(9) in the session zone, UTC): cast one side, "
                + "CAST(x AS timestamp(9)) of the zoned value or CAST(x AS timestamp(3) with time zone) of the other";
        }
        return null;
    }

    private static string OtherWords(Match m)
    {
        if (m.Groups["align"].Success)
        {
            return "Key and value arrays must be the same length"; // MapConstructor
        }
        if (m.Groups["ntile"].Success)
        {
            return "Buckets must be greater than 0"; // NTileFunction
        }
        if (m.Groups["abs"].Success)
        {
            // MathFunctions.abs of each integer type's least value
            string type = m.Groups["abs"].Value switch
            {
                "-128" => "tinyint",
                "-32768" => "smallint",
                "-2147483648" => "integer",
                _ => "bigint",
            };
            return $"Value {m.Groups["abs"].Value} is out of range for abs({type})";
        }
        if (m.Groups["chr"].Success)
        {
            return $"Not a valid Unicode code point: {m.Groups["chr"].Value}"; // StringFunctions.chr
        }
        if (m.Groups["columns"].Success)
        {
            return $"Multiple columns returned by subquery are not yet supported. Found {m.Groups["columns"].Value}"; // ExpressionAnalyzer
        }
        if (m.Groups["cte"].Success)
        {
            return $"WITH query name '{m.Groups["cte"].Value}' specified more than once"; // StatementAnalyzer
        }
        if (m.Groups["table"].Success)
        {
            return $"Column alias list has {m.Groups["specified"].Value} entries but '{m.Groups["table"].Value}' has {m.Groups["available"].Value} columns available";
        }
        // DecimalCasts (the varchar cast to a decimal)
        return $"Cannot cast VARCHAR '{m.Groups["decimal"].Value}' to DECIMAL({m.Groups["p"].Value}, {m.Groups["s"].Value}). Value is not a number.";
    }

    private static string TemporalName(string duckDbType) => duckDbType == "TIMESTAMP_NS" ? "timestamp(9)" : "timestamp(3) with time zone";

    /// <summary>A DuckDB error's text (<c>Type Error: message</c>): Trino's message where Strata has one (without DuckDB's
    /// type, which is no part of Trino's words), else DuckDB's text without its suggestions.</summary>
    internal static string RewriteError(string error)
    {
        int colon = error.IndexOf(" Error: ", StringComparison.Ordinal);
        string message = colon < 0 ? error : error[(colon + 8)..];
        return Worded(colon < 0 ? null : error[..colon], message, null, null);
    }

    /// <summary>The text a user reads for DuckDB's error of <paramref name="type"/> (null: none given) and
    /// <paramref name="message"/>: a refusal the translator wrote (<see cref="DuneErrorCalls"/>) in its own words alone, else
    /// Trino's words where Strata has them, else DuckDB's type and message without its suggestions; in every case with each
    /// quoted input cut (<see cref="Strata.Core.Security.EchoedText.CutQuoted"/>).</summary>
    internal static string Worded(string? type, string message, string? text, int? offset)
    {
        string worded = DuneErrorCalls.Unmarked(message) is { } strata
            ? ToTrino(strata, text, offset) ?? strata
            : ToTrino(message, text, offset) ?? (type is null ? "" : type + " Error: ") + WithoutSuggestions(message);
        return Strata.Core.Security.EchoedText.CutQuoted(worded);
    }

    private static string TrinoName(string duckDbType) => duckDbType switch
    {
        "INT8" => "tinyint",
        "INT16" => "smallint",
        "INT32" => "integer",
        _ => "bigint",
    };
}
