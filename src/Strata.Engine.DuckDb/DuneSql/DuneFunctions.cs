namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// How each DuneSQL function that DuckDB lacks or spells differently is written in DuckDB SQL.
/// A template names the call's arguments as <c>$1</c>, <c>$2</c>… (each already translated); a
/// function with the same name and meaning in both needs no entry. Templates are expanded inline,
/// so the sandbox needs no definitions for them.
/// </summary>
internal static class DuneFunctions
{
    static DuneFunctions()
    {
        foreach (var family in new[] { DuneBinaryFunctions.Templates(), DuneMoreFunctions.Templates(), DuneHashes.Templates(), DuneCodecs.Templates(), DuneBase58.Templates(), DuneChainAddresses.Templates(), DuneWildFunctions.Templates(), DuneStringParts.Templates(), DuneDistributions.Templates(), DuneTrinoFunctions.Templates(), DuneSplitMaps.Templates(), DuneFromUtf8.Templates(), DuneRadix.Templates(), DuneTime.Templates(), DuneDocsFunctions.Templates(), TrinoDocsFunctions.Templates() })
        {
            foreach (var (key, template) in family)
            {
                Templates[key] = template;
            }
        }
    }

    /// <summary>A value as varbinary bytes whatever its static type, so a branch binds for any argument
    /// (BLOB → VARCHAR escapes bytes, VARCHAR → BLOB reads the escapes back: the round trip is exact).</summary>
    private const string AsBlob = "CAST(CAST($1 AS VARCHAR) AS BLOB)";

    /// <summary>Trino's CAST(json AS varchar): a JSON scalar's SQL value (a string without its quotes, JSON null as NULL);
    /// an object or array is an error (json.mdx), NULL under TRY_CAST.</summary>
    private const string JsonToVarchar = "(CASE WHEN json_type(CAST($1 AS VARCHAR)) IN ('OBJECT', 'ARRAY') THEN ";
    private const string JsonScalar = " ELSE json_extract_string(CAST($1 AS VARCHAR), '$') END)";

    /// <summary>Trino writes a timestamp with its precision (Dune's columns and now() are timestamp(3); a timestamp(9) has nine digits), a time(3) with its
    /// milliseconds (<c>22:00:00.000</c>), a time with time zone with its offset (<c>22:00:00.000+00:00</c>), an interval as
    /// its results show it (<c>2 03:04:05.000</c>, <c>1-2</c>; macros of the time prelude, <c>DuneSqlTranslator.TimeMacros</c>), and a timestamp with time zone with its zone: <c>2020-06-10 15:55:23.383 UTC</c> (DuckDB: <c>2020-06-10 15:55:23.383+00</c>). The value
    /// goes through its text so the branch binds for any type.</summary>
    private const string Timestamps = "WHEN typeof($1) = 'TIMESTAMP WITH TIME ZONE' THEN strftime(CAST(CAST($1 AS VARCHAR) AS TIMESTAMPTZ), '%Y-%m-%d %H:%M:%S.%g') || ' UTC' "
        + "WHEN typeof($1) IN ('TIMESTAMP', 'TIMESTAMP_NS') THEN dune_timestamp_text($1, typeof($1)) "
        + "WHEN typeof($1) = 'TIME' THEN strftime(DATE '2000-01-01' + CAST(CAST($1 AS VARCHAR) AS TIME), '%H:%M:%S.%g') "
        + "WHEN typeof($1) = 'TIME WITH TIME ZONE' THEN dune_timetz_text(CAST(CAST($1 AS VARCHAR) AS TIMETZ)) "
        + "WHEN typeof($1) = 'INTERVAL' THEN dune_interval_text(CAST(CAST($1 AS VARCHAR) AS INTERVAL)) ";

    /// <summary>Trino writes a decimal below one with its zero (0.05); DuckDB's text of a decimal(s,s) drops it (.05).</summary>
    private const string DecimalText = "WHEN typeof($1) LIKE 'DECIMAL(%' THEN regexp_replace(CAST($1 AS VARCHAR), '^(-?)[.]', '\\10.') ";

    /// <summary>The text of an array, map or row (DuckDB's: <c>[1, 2]</c>, <c>{a=1}</c>, <c>{'f': 1}</c>) is as long as its
    /// elements' texts together, which no argument bounds: past 16,777,216 bytes (<see cref="DuneValueBound.MaxBytes"/>, written
    /// out: a constant's text) it is refused where it is built, as the other builders of text are (hostile36: 10,000 texts of
    /// 1,700 characters gave a 17 MB value that went on into other functions). The cast is measured and
    /// written twice, without a lambda of its own (one kept the translator from evaluating a computed operand once, so three
    /// nested casts to varchar were written 1.1 million characters long: review B of 316); the type test is a constant, so
    /// a scalar's cast keeps its own branch.</summary>
    private const string NestedText = "WHEN typeof($1) LIKE '%]' OR typeof($1) LIKE 'STRUCT(%' OR typeof($1) LIKE 'MAP(%' OR typeof($1) LIKE 'UNION(%' "
        + "THEN (CASE WHEN strlen(CAST($1 AS VARCHAR)) > 16777216 THEN error('" + NestedTextRefusal
        + "') ELSE CAST($1 AS VARCHAR) END) ";

    /// <summary>The refusal of <see cref="NestedText"/>.</summary>
    internal const string NestedTextRefusal = "cast to varchar: the text of the array, map or row is past 16777216 bytes, "
        + "the most bytes a value may hold (16 MiB); the answer could not be returned";

    internal const string ToVarchar = "(CASE WHEN typeof($1) = 'BLOB' THEN '0x' || lower(hex(" + AsBlob + ")) WHEN typeof($1) = 'JSON' THEN "
        + JsonToVarchar + "error('Cannot cast ''' || CAST($1 AS VARCHAR) || ''' to varchar')" + JsonScalar + " " + Timestamps
        + DecimalText + DuneNumeric.FloatText + NestedText + "ELSE CAST($1 AS VARCHAR) END)";
    internal const string TryToVarchar = "(CASE WHEN typeof($1) = 'BLOB' THEN '0x' || lower(hex(" + AsBlob + ")) WHEN typeof($1) = 'JSON' THEN "
        + JsonToVarchar + "NULL" + JsonScalar + " " + Timestamps + DecimalText + DuneNumeric.FloatText + NestedText + "ELSE TRY_CAST($1 AS VARCHAR) END)";

    /// <summary>
    /// Trino's <c>CAST(x AS varchar)</c> of a <c>timestamp(p)</c> or <c>timestamp(p) with time zone</c> (the cast's operand
    /// typed by the translator's scan): the text <see cref="ToVarchar"/> gives (three digits of a TIMESTAMP, nine of a
    /// TIMESTAMP_NS, a zone's wall clock and name) with its fraction written to exactly p digits, none and no point for 0
    /// (DateTimes.formatTimestamp / formatTimestampWithTimeZone: the value is already rounded to p by what typed it, so the
    /// digits are cut). The digits come from the value's nanoseconds (TIMESTAMP_NS) or microseconds (the rest: zeros past the
    /// sixth; through the text, so the branch binds for any type). A zoned value held as a zoneless TIMESTAMP_NS in UTC
    /// (from_unixtime_nanos) gets <c> UTC</c>. The value and its text are each computed once, through one-element lambdas.
    /// </summary>
    internal static string TimestampToVarchar(int digits, bool zone, bool isTry)
    {
        const string v = "_strata_tv", t = "_strata_tt";
        string text = (isTry ? TryToVarchar : ToVarchar).Replace("$1", v, StringComparison.Ordinal);
        string nanos = $"(CASE WHEN typeof({v}) = 'TIMESTAMP_NS' THEN ((epoch_ns(CAST(CAST({v} AS VARCHAR) AS TIMESTAMP_NS)) % 1000000000) + 1000000000) % 1000000000 "
            // A zone per value with nanoseconds (DuneZones.Nanos) writes all nine digits in its text.
            + $"WHEN typeof({v}) = '{DuneZones.PerValueNanosType}' THEN TRY_CAST(substr(CAST({v} AS VARCHAR), strpos(CAST({v} AS VARCHAR), '.') + 1, 9) AS BIGINT) "
            + $"ELSE (microsecond(CAST({v} AS TIMESTAMP)) % 1000000) * 1000 END)";
        string fraction = TimestampFractionSql.Fraction(nanos, 9, digits) ?? "''";
        string utc = zone ? $" || CASE WHEN typeof({v}) = 'TIMESTAMP_NS' THEN ' UTC' ELSE '' END" : "";
        return $"list_transform([$1], {v} -> list_transform([{text}], {t} -> CASE WHEN strpos({t}, '.') = 0 THEN {t} "
            + $"ELSE left({t}, strpos({t}, '.') - 1) || {fraction} || regexp_replace(substr({t}, strpos({t}, '.') + 1), '^[0-9]*', '') END{utc})[1])[1]";
    }

    /// <summary>Trino's CAST(x AS varchar(n)): a varchar is cut to its first n code points; any other value's text must fit in
    /// n ("Value 123 cannot be represented as varchar(2)"; TRY gives NULL). char(n) is cut and checked so too, named char(n).
    /// The value's text is written once and read through a one-element lambda's parameter (hostile22): written in the check,
    /// the answer and the message, each cast was about 4,300 characters and a 62 KB statement of them took minutes to bind.
    /// <paramref name="text"/> is the unbounded cast's template when the translator knows a better one than the plain
    /// text (a timestamp(p)'s p digits, <see cref="TimestampToVarchar"/>): the bound checks the text the unbounded cast gives.</summary>
    internal static string ToBoundedVarchar(int length, bool isTry, string type = "varchar", string? text = null)
    {
        text ??= isTry ? TryToVarchar : ToVarchar;
        string n = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (open, close) = BoundedText(length, padded: false);
        return "(CASE WHEN typeof($1) = 'VARCHAR' THEN " + open + "CAST($1 AS VARCHAR)" + close + " ELSE list_transform([" + text
            + "], _strata_v -> CASE WHEN coalesce(length(_strata_v) <= " + n + ", true) THEN _strata_v"
            + (isTry ? "" : " ELSE error('Value ' || _strata_v || ' cannot be represented as " + type + "(" + n + ")')") + " END)[1] END)";
    }

    /// <summary>CAST(x AS char(n)): <see cref="ToBoundedVarchar"/> padded with spaces to n characters, as Trino's char(n)
    /// value reads (Chars.padSpaces).</summary>
    internal static string ToChar(int length, bool isTry, string? text = null) =>
        "rpad(" + ToBoundedVarchar(length, isTry, "char", text) + ", " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", ' ')";

    /// <summary>The text around a VARCHAR value that makes it Trino's varchar(n) (its first n code points) or, padded,
    /// char(n) (those, padded with spaces to n): what <see cref="ToBoundedVarchar"/> and <see cref="ToChar"/> do to a
    /// varchar, for a value known to be one (a JSON_TABLE column's).</summary>
    internal static (string Open, string Close) BoundedText(int length, bool padded)
    {
        string n = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return padded ? ("rpad(left(", ", " + n + "), " + n + ", ' ')") : ("left(", ", " + n + ")");
    }

    /// <summary>Trino's CAST(varchar AS json) makes a JSON string ('abc' → "abc"); other types as DuckDB (arrays, numbers).</summary>
    internal const string ToJson = "(CASE WHEN typeof($1) = 'VARCHAR' THEN to_json(CAST($1 AS VARCHAR)) ELSE CAST($1 AS JSON) END)";
    internal const string TryToJson = "(CASE WHEN typeof($1) = 'VARCHAR' THEN to_json(CAST($1 AS VARCHAR)) ELSE TRY_CAST($1 AS JSON) END)";

    /// <summary>Trino's CAST(json AS array(json)) and CAST(json AS map(varchar, json)) keep a JSON null element as JSON
    /// 'null' (json.mdx: <c>[JSON 'null']</c>); DuckDB's casts make it SQL NULL. A JSON array's elements (<c>$[*]</c>) and a
    /// JSON object's keys and values (<c>$.*</c>) are read as JSON values; anything else is cast by DuckDB.</summary>
    internal static string ToJsonArray(bool isTry) => "(CASE WHEN typeof($1) = 'JSON' AND json_type(CAST($1 AS JSON)) = 'ARRAY' "
        + $"THEN json_extract(CAST($1 AS JSON), '$[*]') ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS JSON[]) END)";

    /// <inheritdoc cref="ToJsonArray"/>
    internal static string ToJsonMap(bool isTry) => "(CASE WHEN typeof($1) = 'JSON' AND json_type(CAST($1 AS JSON)) = 'OBJECT' "
        + "THEN map_from_entries(list_transform(list_zip(json_keys(CAST($1 AS JSON)), json_extract(CAST($1 AS JSON), '$.*')), "
        + $"_strata_e -> {{'key': _strata_e[1], 'value': _strata_e[2]}})) ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS MAP(VARCHAR, JSON)) END)";

    private static readonly (string Chain, string Url)[] Explorers =
    [
        ("ethereum", "https://etherscan.io"), ("arbitrum", "https://arbiscan.io"), ("optimism", "https://optimistic.etherscan.io"),
        ("polygon", "https://polygonscan.com"), ("bnb", "https://bscscan.com"), ("base", "https://basescan.org"),
        ("avalanche_c", "https://snowtrace.io"), ("gnosis", "https://gnosisscan.io"), ("fantom", "https://ftmscan.com"),
        ("celo", "https://celoscan.io"), ("zksync", "https://explorer.zksync.io"), ("scroll", "https://scrollscan.com"),
        ("linea", "https://lineascan.build"), ("blast", "https://blastscan.io"), ("zora", "https://explorer.zora.energy"),
        ("mantle", "https://mantlescan.xyz"), ("polygon_zkevm", "https://zkevm.polygonscan.com"), ("solana", "https://solscan.io"),
    ];

    private static string Explorer(string chain) =>
        "(CASE lower(" + chain + ") " + string.Concat(Explorers.Select(e => $"WHEN '{e.Chain}' THEN '{e.Url}' ")) + "END)";

    /// <summary>Trino's bounds on concat's arguments (ConcatFunction): two or more, at most 254.</summary>
    internal const int ConcatMaxArguments = 254;

    /// <summary>The template of a call of <paramref name="name"/> (lower case) with <paramref name="arity"/> arguments: a
    /// fixed one, or concat's, made for its arity. concat is Trino's <c>||</c> of every argument (NULL when one is
    /// NULL, varbinary of varbinaries, an array of arrays); DuckDB's concat skips NULLs and makes text of bytes.</summary>
    /// <param name="isNull">Whether argument k (from 0) is a bare NULL: then concat is cast to the first other argument's
    /// type, or varchar when all are NULL (Trino's NULL coerces to the other arguments' type; DuckDB's <c>||</c> with a
    /// constant NULL operand binds to a NULL of no type, INTEGER in the results).</param>
    /// <summary>date_diff of two timestamps with time zone by a unit of fixed length (millisecond to week) on their UTC
    /// wall clocks, DuckDB's arithmetic (ICU's calendar difference costs about 50 µs a row, decision 181); months,
    /// quarters and years, and any other pair of types (a zone's included), as DuckDB's date_sub binds them (DuckDB's and
    /// ICU's month counts differ in about 1 of 5,000 random pairs, so months keep ICU's). DuckDB folds typeof and a
    /// constant unit at bind time, so one branch runs (both must bind: a bare NULL takes the plain form,
    /// <see cref="TryTemplate"/>). A unit the operands' type does not take fails in Trino's words, as date_add's does:
    /// two dates take day to year (DateTimeFunctions.diffDate's getDateField: date_diff('hour', DATE …, DATE …) is "'hour'
    /// is not a valid DATE field", where DuckDB's date_sub counted 24), two times millisecond to hour, a timestamp every
    /// unit (a date beside a timestamp is coerced to one); microsecond and DuckDB's other units are no Trino field. The
    /// error() is safe since decision 283: an ORDER BY expression over the select alias reads the select item, not
    /// DuckDB's alias (which refused an expression with side effects, decision 277).</summary>
    internal const string DateDiff = "coalesce(" + DiffUnitCheck + ", CASE WHEN typeof($2) = 'TIMESTAMP WITH TIME ZONE' AND typeof($3) = 'TIMESTAMP WITH TIME ZONE' "
        + "AND lower($1) IN ('millisecond', 'second', 'minute', 'hour', 'day', 'week') "
        + "THEN date_sub($1, dune_wall($2), dune_wall($3)) ELSE date_sub($1, $2, $3) END)";

    /// <summary>NULL, or Trino's refusal of a unit date_diff's operands do not take (their common type's: two dates, two
    /// times, else a timestamp; DuckDB folds typeof at bind time). Each operand's type is read twice, not once per unit list
    /// and once per message.</summary>
    private const string DiffUnitCheck = "(CASE WHEN typeof($2) = 'DATE' AND typeof($3) = 'DATE' THEN "
        + "CASE WHEN lower($1) NOT IN ('day', 'week', 'month', 'quarter', 'year') THEN error('''' || lower($1) || ''' is not a valid DATE field') END"
        + " WHEN typeof($2) IN ('TIME', 'TIME WITH TIME ZONE') AND typeof($3) IN ('TIME', 'TIME WITH TIME ZONE') THEN "
        + "CASE WHEN lower($1) NOT IN ('millisecond', 'second', 'minute', 'hour') THEN error('''' || lower($1) || ''' is not a valid Time field') END"
        + " ELSE "
        + "CASE WHEN lower($1) NOT IN ('millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year') THEN error('''' || lower($1) || ''' is not a valid Timestamp field') END" + " END)";

    /// <summary>The units Trino's date_add takes for a value of <paramref name="operand"/>'s type (DuckDB folds
    /// typeof at bind time): DateTimeFunctions' getDateField, getTimeField and getTimestampField.</summary>
    private static string UnitsOf(string operand) =>
        $"(CASE WHEN typeof({operand}) = 'DATE' THEN ['day', 'week', 'month', 'quarter', 'year'] "
        + $"WHEN typeof({operand}) IN ('TIME', 'TIME WITH TIME ZONE') THEN ['millisecond', 'second', 'minute', 'hour'] "
        + "ELSE ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] END)";

    /// <summary>The kind of field Trino's refusal of a unit names for a value of <paramref name="operand"/>'s type.</summary>
    private static string FieldKindOf(string operand) =>
        $"(CASE WHEN typeof({operand}) = 'DATE' THEN 'DATE' WHEN typeof({operand}) IN ('TIME', 'TIME WITH TIME ZONE') THEN 'Time' ELSE 'Timestamp' END)";

    /// <summary>date_diff's form before decision 181, and the form of one with a bare NULL.</summary>
    internal const string DateDiffPlain = "date_sub($1, $2, $3)";

    internal static bool TryTemplate(string name, int arity, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? template, Func<int, bool>? isNull = null)
    {
        if (name == "date_diff" && arity == 3 && isNull is not null && (isNull(1) || isNull(2)))
        {
            template = DateDiffPlain;
            return true;
        }
        if (name == "reverse" && arity == 1 && isNull is not null && isNull(0))
        {
            template = "CAST(NULL AS VARCHAR)"; // Trino reads an untyped NULL as varchar; Reverse's cast_to_type cannot bind it
            return true;
        }
        if (name != "concat")
        {
            return Templates.TryGetValue((name, arity), out template);
        }
        template = arity switch
        {
            < 2 => "error('There must be two or more concatenation arguments')",
            > ConcatMaxArguments => "error('Too many arguments for string concatenation')",
            _ => ConcatOf(arity, isNull),
        };
        return true;
    }

    private static string ConcatOf(int arity, Func<int, bool>? isNull)
    {
        string chain = "(" + string.Join(" || ", Enumerable.Range(1, arity).Select(k => $"(${k})")) + ")";
        if (isNull is null || !Enumerable.Range(0, arity).Any(isNull))
        {
            return chain;
        }
        int witness = Enumerable.Range(1, arity).FirstOrDefault(w => !isNull(w - 1));
        return witness == 0 ? $"CAST({chain} AS VARCHAR)" : $"cast_to_type({chain}, (${witness}))";
    }

    /// <summary>Trino's from_hex (VarbinaryFunctions.fromHexVarchar) after Dune's optional <c>0x</c>: an odd length or a
    /// character that is not a hex digit is Trino's error, not DuckDB's silent reading (<c>unhex('abc')</c> is
    /// <c>0x0abc</c>). The text is computed once, as the one element of a list the lambda reads. Only a varchar is taken
    /// (Dune's docs list no other overload): a varbinary argument fails to bind DuckDB's own from_hex in a branch never
    /// taken, read as Trino's "Unexpected parameters (varbinary) for function from_hex".</summary>
    private const string FromHex = "list_transform([CASE WHEN false THEN CAST(from_hex($1) AS VARCHAR) WHEN lower(left($1, 2)) = '0x' THEN substr($1, 3) ELSE $1 END], "
        + "_strata_h -> CASE WHEN length(_strata_h) % 2 <> 0 THEN error('invalid input length ' || length(_strata_h)) "
        + "WHEN regexp_matches(_strata_h, '[^0-9a-fA-F]') THEN error('invalid hex character: ' || regexp_extract(_strata_h, '[^0-9a-fA-F]')) "
        + "ELSE unhex(_strata_h) END)[1]";

    /// <summary>json_parse's refused text as its message quotes it: the first 1,000 characters, then "...", so that a text
    /// of megabytes does not become a message of megabytes in the execution record and the API's answers.</summary>
    private const string QuotedText = "left($1, 1000) || CASE WHEN length($1) > 1000 THEN '...' ELSE '' END";

    /// <summary>Keyed by lower-case name and argument count (concat's are made by <see cref="TryTemplate"/>).</summary>
    internal static readonly Dictionary<(string Name, int Arity), string> Templates = new()
    {
        // varbinary
        [("to_hex", 1)] = DuneToHex.Function + "($1)",
        [("from_hex", 1)] = FromHex,
        [("length", 1)] = "(CASE WHEN typeof($1) = 'BLOB' THEN octet_length(" + AsBlob + ") ELSE length(CAST($1 AS VARCHAR)) END)",
        [("varbinary_length", 1)] = "octet_length($1)",
        [("bytearray_length", 1)] = "octet_length($1)",
        [("varbinary_substring", 3)] = "unhex(substring(hex($1), 2 * ($2) - 1, 2 * ($3)))",
        [("bytearray_substring", 3)] = "unhex(substring(hex($1), 2 * ($2) - 1, 2 * ($3)))",
        [("varbinary_substring", 2)] = "unhex(substring(hex($1), 2 * ($2) - 1))",
        [("bytearray_substring", 2)] = "unhex(substring(hex($1), 2 * ($2) - 1))",
        [("varbinary_concat", 2)] = "($1 || $2)",
        [("bytearray_concat", 2)] = "($1 || $2)",
        [("varbinary_ltrim", 1)] = "unhex(regexp_replace(hex($1), '^(00)+', ''))",
        [("bytearray_ltrim", 1)] = "unhex(regexp_replace(hex($1), '^(00)+', ''))",
        [("varbinary_rtrim", 1)] = "unhex(regexp_replace(hex($1), '(00)+$', ''))",
        [("bytearray_rtrim", 1)] = "unhex(regexp_replace(hex($1), '(00)+$', ''))",
        [("varbinary_reverse", 1)] = "unhex(array_to_string(list_reverse(regexp_extract_all(hex($1), '..')), ''))",
        [("varbinary_starts_with", 2)] = "starts_with(hex($1), hex($2))",
        [("to_utf8", 1)] = "encode($1)",
        [("keccak", 1)] = "dune_keccak($1)", // native, DuneKeccak.cs
        // dates and times
        // native, typed by $3 (DuneTime); a unit no Trino type takes fails in DateTimeFunctions' words (getDateField's,
        // getTimeField's, getTimestampField's: the unit lower case), not as DuckDB's interval text (decision 234).
        // A date takes day to year, a time millisecond to hour: date_add('hour', 1, DATE '…') is "'hour' is not a valid DATE
        // field" (getDateField's words), not date + interval's "Cannot add hour, minutes or seconds to a date".
        [("date_add", 3)] = "(CASE WHEN $1 IS NULL OR list_contains(" + UnitsOf("$3") + ", lower($1)) "
            + "THEN dune_plus($3, CAST($2 AS BIGINT) * CAST('1 ' || $1 AS INTERVAL)) ELSE error('''' || lower($1) || ''' is not a valid ' || "
            + FieldKindOf("$3") + " || ' field') END)",
        [("date_diff", 3)] = DateDiff,
        [("from_unixtime", 1)] = "dune_unixtime($1)", // Trino's milliseconds and range (DuneSqlTranslator.TimeMacros)
        [("to_unixtime", 1)] = "epoch(CAST($1 AS TIMESTAMPTZ))", // a zone's value (DuneZones) is its instant, not its wall clock
        // A field of a timestamp with time zone read from its UTC wall clock by DuckDB's arithmetic, not ICU's calendar
        // (dune_wall, native: DuneWallClock; every other type is itself).
        [("day_of_week", 1)] = "isodow(dune_wall($1))",
        [("dow", 1)] = "isodow(dune_wall($1))",
        [("day_of_month", 1)] = "day(dune_wall($1))",
        [("day_of_year", 1)] = "dayofyear(dune_wall($1))",
        [("doy", 1)] = "dayofyear(dune_wall($1))",
        [("year_of_week", 1)] = "isoyear(dune_wall($1))",
        [("yow", 1)] = "isoyear(dune_wall($1))",
        [("week_of_year", 1)] = "week(dune_wall($1))",
        [("year", 1)] = "year(dune_wall($1))",
        [("quarter", 1)] = "quarter(dune_wall($1))",
        [("month", 1)] = "month(dune_wall($1))",
        [("week", 1)] = "week(dune_wall($1))",
        [("day", 1)] = "day(dune_wall($1))",
        [("hour", 1)] = "hour(dune_wall($1))",
        [("minute", 1)] = "minute(dune_wall($1))",
        [("second", 1)] = "second(dune_wall($1))",
        [("last_day_of_month", 1)] = "last_day($1)",
        [("from_iso8601_timestamp", 1)] = "CAST($1 AS TIMESTAMPTZ)",
        [("date", 1)] = "CAST($1 AS DATE)",
        // arrays, maps and lambdas
        [("cardinality", 1)] = "dune_cardinality($1)", // native, DuneCardinality.cs: arrays and maps
        [("transform", 2)] = "list_transform($1, $2)",
        [("reduce", 4)] = "list_transform([list_reduce($1, $3, $2)], $4)[1]",
        // Trino's (lambda.mdx): folded with SQL's three-valued OR/AND, so a NULL from the predicate makes the answer NULL
        // unless an element decides it (any_match: a true; all_match: a false); an empty array gives false, true, true.
        [("any_match", 2)] = "list_reduce(list_transform($1, $2), (_strata_a, _strata_b) -> _strata_a OR _strata_b, false)",
        [("all_match", 2)] = "list_reduce(list_transform($1, $2), (_strata_a, _strata_b) -> _strata_a AND _strata_b, true)",
        [("none_match", 2)] = "(NOT list_reduce(list_transform($1, $2), (_strata_a, _strata_b) -> _strata_a OR _strata_b, false))",
        [("contains", 2)] = "list_contains($1, $2)",
        [("array_max", 1)] = "list_max($1)",
        [("array_min", 1)] = "list_min($1)",
        [("array_sort", 1)] = "list_sort($1)",
                [("array_intersect", 2)] = "list_intersect($1, $2)",
        [("array_remove", 2)] = "list_filter($1, _strata_x -> _strata_x <> $2)",
        [("trim_array", 2)] = "list_slice($1, 1, len($1) - ($2))",
        // bitwise
        [("bitwise_and", 2)] = "CAST(($1) & ($2) AS BIGINT)",
        [("bitwise_or", 2)] = "CAST(($1) | ($2) AS BIGINT)",
        [("bitwise_xor", 2)] = "CAST(xor($1, $2) AS BIGINT)",
        [("bitwise_not", 1)] = "CAST(~($1) AS BIGINT)",
        [("bitwise_left_shift", 2)] = "($1 << $2)",
        [("bitwise_right_shift", 2)] = "($1 >> $2)",
        // aggregates
        // Trino's approx_distinct (airlift's HyperLogLog, 2,048 buckets) counts a few hundred distinct values exactly: its sparse
        // form is linear counting over 2^26 buckets until it outgrows the dense form. DuckDB's approx_count_distinct is off by
        // some per cent already there (96 for 1..100); past it, the exact count is as near Trino's estimate as any (decision 367).
        [("approx_distinct", 1)] = "count(DISTINCT $1)",
        // The bound only sizes Trino's sketch; checked as its input function checks it, at each non-null value.
        [("approx_distinct", 2)] = "count(DISTINCT CASE WHEN ($1) IS NULL THEN NULL WHEN ($2) >= 0.0040625 AND ($2) <= 0.26 THEN ($1) "
            + "ELSE error('Max standard error must be in [0.0040625, 0.26]: ' || CAST(CAST($2 AS DOUBLE) AS VARCHAR)) END)",
        [("approx_percentile", 2)] = "approx_quantile($1, $2)",
        [("arbitrary", 1)] = "any_value($1)",
        [("every", 1)] = "bool_and($1)",
        // strings, json, math
        [("regexp_like", 2)] = "regexp_matches($1, $2)",
        [("regexp_replace", 2)] = "regexp_replace($1, $2, '', 'g')",
        // Trino's json_extract_scalar is NULL for an object or array (DuckDB's json_extract_string gives their text).
        [("json_extract_scalar", 2)] = "(CASE WHEN json_type(json_extract($1, $2)) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string($1, $2) END)",
        [("json_extract", 2)] = "json_extract($1, $2)",
        // Trino's element_at on an array refuses index 0 (on a map, 0 is a key like any other).
        [("element_at", 2)] = "(CASE WHEN typeof($1) LIKE '%[]' AND CAST($2 AS VARCHAR) = '0' THEN error('SQL array indices start at 1') ELSE ($1)[$2] END)",
        [("json_array_get", 2)] = "json_extract($1, '$[' || ($2) || ']')",
        [("json_array_contains", 2)] = "list_contains(CAST(json($1) AS JSON[]), to_json($2))",
        [("regexp_count", 2)] = "len(regexp_extract_all($1, $2))",
        [("regexp_split", 2)] = "regexp_split_to_array($1, $2)",
        // Trino's JsonFunctions.jsonParse names the whole text it could not read (DuckDB's message cuts it at 50 characters).
        [("json_parse", 1)] = "(CASE WHEN $1 IS NULL OR json_valid($1) THEN json($1) ELSE error('Cannot convert value to JSON: ''' || " + QuotedText + " || '''') END)",
        [("json_format", 1)] = "CAST($1 AS VARCHAR)",
        [("codepoint", 1)] = "unicode($1)",
        [("upper", 1)] = DuneCase.Upper + "($1)", // Java's simple case mapping of each code point (DuneCase)
        [("lower", 1)] = DuneCase.Lower + "($1)",
        // Trino's bound on the table it fills (longer × (shorter - 1) cells): 10^5 characters against 10^5 ran past 40 s (hostile41).
        [("levenshtein_distance", 2)] = "(CASE WHEN greatest(length($1), length($2)) * (least(length($1), length($2)) - 1) > 1000000 "
            + "THEN error('The combined inputs for Levenshtein distance are too large') ELSE " + DuneLevenshtein.Function + "($1, $2) END)",
        [("truncate", 1)] = "trunc($1)",
        [("is_nan", 1)] = "isnan($1)",
        [("is_finite", 1)] = "isfinite($1)",
        [("is_infinite", 1)] = "isinf($1)",
        [("infinity", 0)] = "CAST('inf' AS DOUBLE)",
        [("nan", 0)] = "CAST('nan' AS DOUBLE)",
        // Dune's chain utilities
        [("get_href", 2)] = "('<a href=\"' || $1 || '\" target =\"_blank\">' || $2 || '</a>')",
        [("get_chain_explorer", 1)] = Explorer("$1"),
        [("get_chain_explorer_address", 2)] = "(" + Explorer("$1") + " || '/address/' || " + ToVarchar.Replace("$1", "$2", StringComparison.Ordinal) + ")",
        [("get_chain_explorer_tx_hash", 2)] = "(" + Explorer("$1") + " || '/tx/' || " + ToVarchar.Replace("$1", "$2", StringComparison.Ordinal) + ")",
    };

    /// <summary>Functions whose DuckDB namesake would give a different answer, or that have none:
    /// refused with a clear error rather than run.</summary>
    internal static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "http_get", "http_post", "checksum", "qdigest_agg", "tdigest_agg", "approx_set", "merge", "cast_to_uint256",
        "evm_decode_log", "evm_decode_call", "base58_encode", "base58_decode",
        "bytearray_to_base58", "ss58", "ton_address", "tron_address", "word_stem",
        "all_evm_chains", "all_op_chains", "get_balancer_link",
        // setdigest.mdx: a set digest is Trino's HyperLogLog with MinHash; its cardinalities are estimates and hash_counts
        // shows Trino's own hashes, which Strata does not compute.
        "make_set_digest", "merge_set_digest", "intersection_cardinality", "jaccard_index", "hash_counts",
        // ml.mdx, hyperloglog.mdx, qdigest.mdx/tdigest.mdx:
        // documented by Dune, not computed by Strata.
        "classify", "features", "learn_classifier", "learn_libsvm_classifier", "learn_regressor", "learn_libsvm_regressor",
        "regress", "empty_hll", "value_at_quantile", "values_at_quantiles", "quantile_at_value",
        // datetime.md (trino-sweep): Trino's timezone(x) is the zone's name (Asia/Tokyo, +01:00, UTC); DuckDB's one-argument
        // timezone is the offset's hour part (0 for every example), a wrong answer. Trino has no other form.
        "timezone",
    };
}
