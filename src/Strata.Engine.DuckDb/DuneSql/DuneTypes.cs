using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino type names (as written after <c>AS</c> in a cast) in DuckDB's spelling. At the top level
/// <c>VARCHAR</c>, <c>UINT256</c> and <c>INT256</c> are returned as markers: the translator
/// casts to them with Dune's rendering and range checks.
/// </summary>
internal static partial class DuneTypes
{
    /// <summary>Cast to uint256/int256 (BIGNUM), exact and range-checked by <see cref="DuneInt256"/>: the value goes
    /// as DuckDB's text of it with its type name, so integers of any width, decimals and doubles all convert.</summary>
    internal const string ToUint256 = "dune_uint256(CAST($1 AS VARCHAR), typeof($1))";
    internal const string ToInt256 = "dune_int256(CAST($1 AS VARCHAR), typeof($1))";
    internal const string TryToUint256 = "TRY(" + ToUint256 + ")";
    internal const string TryToInt256 = "TRY(" + ToInt256 + ")";

    /// <summary>Cast to varbinary: a uint256/int256 as Dune's 32 bytes big-endian (<see cref="DuneKeccak"/>), since
    /// DuckDB's BIGNUM→BLOB gives its internal encoding; any other type as DuckDB casts it. The BIGNUM branch goes
    /// through the digits so that it binds (and is not taken) for every other argument type.</summary>
    internal static string ToVarbinary(bool isTry) =>
        "(CASE WHEN typeof($1) IN ('BIGNUM', 'uint256', 'int256') THEN " + (isTry ? "TRY(" : "(")
        + "dune_bignum_to_varbinary(TRY_CAST(CAST($1 AS VARCHAR) AS BIGNUM))) ELSE " + (isTry ? "TRY_CAST" : "CAST") + "($1 AS BLOB) END)";

    /// <summary>Cast to double: from uint256/int256 through the digits, since DuckDB's BIGNUM-to-DOUBLE conversion is not
    /// always the nearest double (Java's <c>BigInteger.doubleValue</c> is); any other type as DuckDB casts it.</summary>
    internal static string ToDouble(bool isTry) => isTry
        ? "(CASE WHEN typeof($1) = 'BIGNUM' THEN TRY_CAST(CAST($1 AS VARCHAR) AS DOUBLE) ELSE TRY_CAST($1 AS DOUBLE) END)"
        : "(CASE WHEN typeof($1) = 'BIGNUM' THEN CAST(CAST($1 AS VARCHAR) AS DOUBLE) ELSE CAST($1 AS DOUBLE) END)";

    /// <summary>
    /// Cast to a decimal through the value's text: DuckDB cannot cast BIGNUM to DECIMAL, and a double's
    /// shortest text rounded to the scale is Trino's double-to-decimal (<c>BigDecimal.valueOf</c>).
    /// </summary>
    internal static string ToDecimal(string decimalType, bool isTry) =>
        (isTry ? "TRY_CAST" : "CAST") + "(CAST($1 AS VARCHAR) AS " + decimalType + ")";

    /// <summary>
    /// Cast to <c>timestamp(p)</c>, p below 9: Trino rounds to p fractional digits, half up (towards the later instant:
    /// Timestamps.roundDiv), where DuckDB's TIMESTAMP keeps microseconds and cuts nanoseconds. p up to 6 is held as a
    /// TIMESTAMP (microseconds), 7 and 8 as a TIMESTAMP_NS. A timestamp(9), or a string that reads as one, is rounded
    /// from its nanoseconds; any other value from its microseconds after DuckDB's cast to TIMESTAMP (a date, a
    /// timestamp with time zone's UTC wall clock, a string outside TIMESTAMP_NS's range).
    /// </summary>
    internal static string ToTimestamp(int precision, bool isTry) =>
        FromTimeOfDay(RoundedTimestamp(precision, isTry), precision, zoned: false);

    /// <summary>
    /// Trino's casts of a <c>time</c> or a <c>time with time zone</c> to a timestamp (TimeToTimestampCast,
    /// TimeWithTimeZoneToTimestampCast, TimeToTimestampWithTimeZoneCast, TimeWithTimeZoneToTimestampWithTimeZoneCast): the
    /// session's current date (UTC, Dune's session zone) at the value's time of day — to a timestamp the local time (a
    /// time with time zone's offset dropped), to a timestamp with time zone the instant (a time with time zone's local time
    /// less its offset, within the day) — rounded half up to the precision from DuckDB's microseconds. DuckDB has no cast
    /// from TIME or TIMETZ to a timestamp (<c>cast(current_time AS timestamp)</c> failed "Cannot cast time(3) with time zone
    /// to timestamp(3)"). The folded typeof drops the branches not taken; the zoned branch reads its operand through text so
    /// that it binds for any type.
    /// </summary>
    private static string FromTimeOfDay(string timestamp, int precision, bool zoned)
    {
        const string local = "(current_date + CAST($1 AS TIME))";
        long micro = Pow10(6 - Math.Min(precision, 6));
        string Rounded(string today) => precision >= 7 ? $"CAST({today} AS TIMESTAMP_NS)"
            : (zoned ? "CAST(" : "(") + $"make_timestamp({RoundHalfUp($"epoch_us({today})", micro)} * {micro})" + (zoned ? " AS TIMESTAMPTZ)" : ")");
        string times = zoned
            ? $"WHEN typeof($1) = 'TIME' THEN {Rounded(local)} WHEN typeof($1) = 'TIME WITH TIME ZONE' THEN "
                + Rounded("(current_date + CAST(timezone('UTC', CAST(CAST($1 AS VARCHAR) AS TIMETZ)) AS TIME))")
            : $"WHEN typeof($1) IN ('TIME', 'TIME WITH TIME ZONE') THEN {Rounded(local)}";
        return $"(CASE {times} ELSE {timestamp} END)";
    }

    private static string RoundedTimestamp(int precision, bool isTry)
    {
        string cast = isTry ? "TRY_CAST" : "CAST";
        string nanos = $"epoch_ns({cast}($1 AS TIMESTAMP_NS))";
        if (precision >= 7)
        {
            nanos = $"epoch_ns({ToTimestampNanos(isTry, precision)})";
            long unit = Pow10(9 - precision);
            return $"(CASE WHEN {Infinite("TIMESTAMP")} THEN {cast}($1 AS TIMESTAMP_NS) ELSE make_timestamp_ns({RoundHalfUp(nanos, unit)} * {unit}) END)";
        }
        long micro = Pow10(6 - precision), nano = Pow10(9 - precision);
        return $"(CASE WHEN {Infinite("TIMESTAMP")} THEN {cast}($1 AS TIMESTAMP) "
            + "WHEN typeof($1) = 'TIMESTAMP_NS' OR (typeof($1) = 'VARCHAR' AND TRY_CAST($1 AS TIMESTAMP_NS) IS NOT NULL) "
            + $"THEN make_timestamp({RoundHalfUp(nanos, nano)} * {micro}) ELSE make_timestamp({RoundHalfUp($"epoch_us({cast}($1 AS TIMESTAMP))", micro)} * {micro}) END)";
    }

    /// <summary>Whether $1 is an infinity DuckDB reads as a timestamp of <paramref name="type"/> ('infinity', '-infinity',
    /// an infinite date or timestamp): it stays one through a rounding cast, as through DuckDB's own cast (the rounding
    /// read its microseconds: '-infinity' became 1677-09-21, 'infinity' overflowed, and zoned ones became NULL). Read as a
    /// TIMESTAMP even for a cast to TIMESTAMP_NS: DuckDB's TRY_CAST to TIMESTAMP_NS of a finite value past its range throws
    /// instead of giving NULL, which would pre-empt the range's named refusal.</summary>
    private static string Infinite(string type) => $"isinf(TRY_CAST($1 AS {type}))";

    /// <summary>
    /// A plain <c>CAST(x AS timestamp)</c>, Trino's timestamp(3): a string or a timestamp(9) is rounded half up to
    /// milliseconds as <see cref="ToTimestamp"/> rounds; any other value is DuckDB's cast (a timestamp(3) or timestamp with
    /// time zone already holds Trino's digits, and rounding every such cast would cost the common cast of Dune's columns).
    /// The folded typeof drops the branch not taken.
    /// </summary>
    internal static string ToPlainTimestamp(bool isTry) =>
        $"(CASE WHEN typeof($1) IN ('VARCHAR', 'TIMESTAMP_NS', 'TIME', 'TIME WITH TIME ZONE') THEN {ToTimestamp(3, isTry)} ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS TIMESTAMP) END)";

    /// <summary>
    /// <c>CAST(x AS timestamp(p) with time zone)</c>, p up to 6: the instant rounded half up to p digits (Trino's
    /// Timestamps.roundDiv), from nanoseconds for a timestamp(9), else from DuckDB's TIMESTAMPTZ value (a string read with its
    /// zone, a zone's value as its instant). Without a precision (timestamp(3) with time zone) only a string or a
    /// timestamp(9) is rounded, as <see cref="ToPlainTimestamp"/>. The result is the instant in UTC, as DuckDB's cast.
    /// </summary>
    internal static string ToTimestampWithZone(int precision, bool plain, bool isTry)
    {
        string cast = isTry ? "TRY_CAST" : "CAST";
        long micro = Pow10(6 - precision), nano = Pow10(9 - precision);
        string fromNanos = $"CAST(make_timestamp({RoundHalfUp($"epoch_ns({cast}($1 AS TIMESTAMP_NS))", nano)} * {micro}) AS TIMESTAMPTZ)";
        string fromMicros = $"CAST(make_timestamp({RoundHalfUp($"epoch_us({cast}($1 AS TIMESTAMPTZ))", micro)} * {micro}) AS TIMESTAMPTZ)";
        string rounded = FromTimeOfDay($"(CASE WHEN {Infinite("TIMESTAMPTZ")} THEN {cast}($1 AS TIMESTAMPTZ) WHEN typeof($1) = 'TIMESTAMP_NS' THEN {fromNanos} ELSE {fromMicros} END)", precision, zoned: true);
        return plain ? $"(CASE WHEN typeof($1) IN ('VARCHAR', 'TIMESTAMP_NS', 'TIME', 'TIME WITH TIME ZONE') THEN {rounded} ELSE {cast}($1 AS TIMESTAMPTZ) END)" : rounded;
    }

    /// <summary>
    /// <c>CAST(x AS time(p))</c>, p below 6: Trino rounds the time of day half up to p digits, around midnight
    /// (<c>23:59:59.9996</c> at p = 3 is <c>00:00:00.000</c>), where DuckDB's TIME keeps microseconds. The microseconds
    /// DuckDB reads (a string's digits past the sixth cut) round as the whole fraction would: p digits' halves fall on a
    /// microsecond.
    /// </summary>
    internal static string ToTime(int precision, bool isTry)
    {
        long unit = Pow10(6 - precision);
        string time = $"{(isTry ? "TRY_CAST" : "CAST")}($1 AS TIME)";
        string micros = $"(hour({time}) * 3600000000 + minute({time}) * 60000000 + microsecond({time}))";
        return $"(TIME '00:00:00' + to_microseconds(({RoundHalfUp(micros, unit)} * {unit}) % 86400000000))";
    }

    /// <summary>
    /// <c>CAST(x AS timestamp(p) with time zone)</c> for p = 7, 8 or 10…12: DuckDB's TIMESTAMPTZ holds microseconds, so
    /// a value with a digit other than zero past the sixth (a timestamp(9), a string) is refused, naming the cause, where
    /// the cast cut it; any other value is exact (Trino appends zeros). The type is named timestamp(3) with time zone.
    /// </summary>
    internal static string ToFineTimestampWithZone(int precision, bool isTry)
    {
        string refused = $"error('Cannot cast ' || CAST($1 AS VARCHAR) || ' to timestamp({precision}) with time zone: a timestamp with time zone "
            + "holds microseconds (six digits) here')";
        return $"(CASE WHEN typeof($1) = 'TIMESTAMP_NS' AND epoch_ns(TRY_CAST($1 AS TIMESTAMP_NS)) % 1000 <> 0 THEN {refused} "
            + $"WHEN typeof($1) = 'VARCHAR' AND regexp_matches(CAST($1 AS VARCHAR), '[.][0-9]{{6}}[0-9]*[1-9]') THEN {refused} "
            + $"ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS TIMESTAMPTZ) END)";
    }

    /// <summary>
    /// <c>CAST(x AS timestamp(9))</c>: DuckDB's TIMESTAMP_NS, nanoseconds since 1970 in 64 bits, holds 1677-09-22 to
    /// 2262-04-11 only, where Trino's timestamp(9) holds any year; a value outside (a string, a date, a timestamp) fails
    /// naming that range, in TRY_CAST too (a NULL would be a wrong answer), instead of DuckDB's "Could not convert string
    /// … to INT64" (which read as a bigint cast). The ends are the values DuckDB converts (decision "dune-types17"): the
    /// largest 64-bit count is its infinity, and it converts nothing on 1677-09-21 ("Date out of range in timestamp_ns
    /// conversion"), so the 64-bit ends themselves failed with the bigint message.
    /// </summary>
    internal const string NanosecondRange = "a timestamp(9) holds " + NanosecondMin + " to " + NanosecondMax;

    private const string NanosecondMin = "1677-09-22 00:00:00.000000000", NanosecondMax = "2262-04-11 23:47:16.854775806";

    /// <summary>Whether a timestamp text <c>yyyy-MM-dd HH:mm:ss[.f…]</c> falls outside <see cref="NanosecondRange"/> (false
    /// when it does not read as one: DuckDB's own error then).</summary>
    internal static bool OutsideNanosecondRange(string text)
    {
        var match = TimestampText().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out int year))
        {
            return false;
        }
        if (year is < 1677 or > 2262)
        {
            return true;
        }
        string fraction = match.Groups[7].Value.PadRight(9, '0');
        string canonical = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{year:D4}-{int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):D2}-{int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture):D2} "
            + $"{int.Parse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture):D2}:{match.Groups[5].Value}:{(match.Groups[6].Success ? match.Groups[6].Value : "00")}.{fraction}");
        return string.CompareOrdinal(canonical, NanosecondMin) < 0 || string.CompareOrdinal(canonical, NanosecondMax) > 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4,})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TimestampText();

    /// <summary>A timestamp(9) of x (<see cref="NanosecondRange"/>): a string is read by DuckDB's TRY_CAST; a date or a
    /// timestamp of microseconds is compared with the range first (DuckDB's TRY_CAST of those throws outside it). For
    /// timestamp(10…12), held as nanoseconds, a string with a digit other than zero past the ninth is refused (Trino keeps
    /// it; DuckDB would cut it).</summary>
    internal static string ToTimestampNanos(bool isTry, int precision = 9) =>
        "(CASE WHEN typeof($1) = 'TIMESTAMP_NS' THEN TRY_CAST($1 AS TIMESTAMP_NS) "
        + (precision <= 9 ? "" : "WHEN typeof($1) = 'VARCHAR' AND regexp_matches(CAST($1 AS VARCHAR), '[.][0-9]{9}[0-9]*[1-9]') "
            + $"THEN error('Cannot cast ' || CAST($1 AS VARCHAR) || ' to timestamp({precision}): a timestamp holds nanoseconds (nine digits) at most here') ")
        + "WHEN CASE WHEN typeof($1) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS') "
        + $"THEN NOT (TRY_CAST($1 AS TIMESTAMP) BETWEEN TIMESTAMP '{NanosecondMin[..19]}' AND TIMESTAMP '{NanosecondMax[..26]}') "
        + "ELSE TRY_CAST($1 AS TIMESTAMP_NS) IS NULL AND TRY_CAST($1 AS TIMESTAMP) IS NOT NULL END "
        + $"THEN error('Cannot cast ' || CAST($1 AS VARCHAR) || ' to timestamp({precision}): {NanosecondRange} here; use timestamp(6) or timestamp for other years') "
        + $"ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS TIMESTAMP_NS) END)";

    /// <summary>v / unit rounded half up (floor(v / unit + 1/2)) in integers, for any sign of v.</summary>
    private static string RoundHalfUp(string v, long unit)
    {
        string shifted = $"({v} + {unit / 2})";
        return $"(({shifted} - (({shifted} % {unit}) + {unit}) % {unit}) // {unit})";
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    public static string Translate(string sql, List<DuneToken> tokens, int from, int to, DuneToken anchor)
    {
        var words = new List<string>();
        for (int i = from; i < to; i++)
        {
            if (!tokens[i].IsTrivia)
            {
                words.Add(sql.Substring(tokens[i].Start, tokens[i].Length));
            }
        }
        int depth = 0;
        foreach (string word in words)
        {
            depth += word is "(" or "<" ? 1 : word is ")" or ">" ? -1 : 0;
            if (depth > DuneSqlTranslator.MaxNesting)
            {
                throw DuneSqlTranslator.TooDeep(sql, anchor);
            }
        }
        int at = 0;
        string type = Parse(words, ref at, true, sql, anchor);
        if (at != words.Count)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"Type {string.Join(' ', words)} is not supported");
        }
        return type;
    }

    private static string Parse(List<string> words, ref int at, bool top, string sql, DuneToken anchor)
    {
        // array(array(…)) nests as deep as the text allows: refused cleanly rather than off the end of the stack.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (at >= words.Count)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, "A type name is missing");
        }
        string raw = words[at++];
        string name = raw.ToLowerInvariant().Trim('"');
        var parameters = new List<string>();
        bool hasParameters = at < words.Count && words[at] == "(";
        switch (name)
        {
            // Trino also reads the legacy ARRAY<T> and MAP<K, V> (spellbook writes CAST(NULL AS ARRAY<UINT256>)).
            case "array":
                string close = Open(words, ref at, sql, anchor);
                string element = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, close, sql, anchor);
                return element + "[]";
            case "map":
                string mapClose = Open(words, ref at, sql, anchor);
                string key = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, ",", sql, anchor);
                string value = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, mapClose, sql, anchor);
                return $"MAP({key}, {value})";
            case "row":
                return Row(words, ref at, sql, anchor);
        }
        if (hasParameters)
        {
            at++;
            while (at < words.Count && words[at] != ")")
            {
                parameters.Add(words[at++]);
            }
            Expect(words, ref at, ")", sql, anchor);
        }
        bool withZone = false;
        if (at + 2 < words.Count + 0 && at + 2 <= words.Count - 1 && Lower(words[at]) is "with" or "without" && Lower(words[at + 1]) == "time" && Lower(words[at + 2]) == "zone")
        {
            withZone = Lower(words[at]) == "with";
            at += 3;
        }
        if (name is "timestamp" or "time" && hasParameters
            && !(parameters is [var digits] && digits.Length <= 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) <= 12))
        {
            // Trino's precisions are 0 to 12 (TimestampType.MAX_PRECISION); any other was taken as timestamp(3) silently.
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"{name.ToUpperInvariant()} precision must be in range [0, 12]: {string.Concat(parameters)}");
        }
        if (name is "varchar" or "char" && hasParameters)
        {
            // Trino's lengths: varchar 0 to 2147483646, char 0 to 65536; DuckDB ignores the length, so any other text
            // (varchar(-1), varchar(x)) was an unbounded varchar silently.
            long max = name == "varchar" ? int.MaxValue - 1L : 65_536;
            string length = string.Concat(parameters);
            if (!(parameters.Count == 1 && length.Length is > 0 and <= 10 && length.All(char.IsAsciiDigit)
                && long.Parse(length, System.Globalization.CultureInfo.InvariantCulture) <= max))
            {
                throw DuneSqlTranslator.NotSupported(sql, anchor, $"{name.ToUpperInvariant()} length must be in range [0, {max}], got {length}");
            }
        }
        if (name == "double" && at < words.Count && Lower(words[at]) == "precision")
        {
            at++;
        }
        if (name == "timestamp" && withZone && parameters is ["9"])
        {
            // DuckDB's timestamp with time zone holds microseconds: a refusal, never an instant cut to fewer digits.
            throw DuneSqlTranslator.NotSupported(sql, anchor, "Type timestamp(9) with time zone is not supported (a timestamp with time zone "
                + "holds microseconds here); use timestamp(9), which keeps nanoseconds in UTC");
        }
        return name switch
        {
            "varchar" or "char" or "string" => top ? "VARCHAR" : "VARCHAR",
            "varbinary" => "BLOB",
            "uint256" => top ? "UINT256" : DuneInt256Types.Uint256,
            "int256" => top ? "INT256" : DuneInt256Types.Int256,
            // timestamp(9): DuckDB's nanosecond timestamp (named timestamp(9) in results); other precisions are held as
            // microseconds and named timestamp(3) (decision dune-time5).
            // timestamp(10…12): held as nanoseconds, the finest DuckDB has (a value with more digits is refused where it is cast).
            "timestamp" => withZone ? "TIMESTAMPTZ" : parameters is ["9" or "10" or "11" or "12"] ? "TIMESTAMP_NS" : "TIMESTAMP",
            "time" => withZone ? "TIMETZ" : "TIME",
            "decimal" or "numeric" => parameters.Count == 0 ? "DECIMAL(38, 0)" : $"DECIMAL({string.Concat(parameters)})",
            "double" or "real" or "bigint" or "integer" or "int" or "smallint" or "tinyint" or "boolean" or "date" or "json" or "uuid" or "interval" => name.ToUpperInvariant(),
            // Trino's types Strata does not hold are named as such; any other name is no type at all (PostgreSQL's bytea
            // and int8 of Dune's retired engine): Trino's TypeNotFoundException, "Unknown type: bytea".
            _ when TrinoTypesNotHeld.Contains(name) => throw DuneSqlTranslator.NotSupported(sql, anchor, $"Type {raw} is not supported"),
            _ => throw DuneSqlTranslator.NotSupported(sql, anchor, $"Unknown type: {name}"),
        };
    }

    /// <summary>Trino's types (its type docs and plugins Dune runs) that Strata has no column type for.</summary>
    private static readonly HashSet<string> TrinoTypesNotHeld = new(StringComparer.Ordinal)
    {
        "ipaddress", "ipprefix", "hyperloglog", "p4hyperloglog", "setdigest", "qdigest", "tdigest", "geometry", "sphericalgeography",
        "bingtile", "kdbtree", "color", "jsonpath", "json2016",
    };

    /// <summary>CAST(x AS ROW(…)): Trino also casts a JSON array to a row, field by field in order (json.mdx:
    /// <c>CAST(JSON '[123,"abc",true]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN))</c>); DuckDB casts only JSON objects, so
    /// an array is first made the object of the row's field names. Any other value casts as DuckDB's.</summary>
    internal static string ToRow(string type, bool isTry)
    {
        var names = new List<string>();
        int depth = 0, start = "STRUCT(".Length;
        for (int i = start; i < type.Length - 1; i++)
        {
            depth += type[i] == '(' ? 1 : type[i] == ')' ? -1 : 0;
            if (depth == 0 && (type[i] == ',' || i == type.Length - 2))
            {
                string field = type[start..(type[i] == ',' ? i : i + 1)].Trim();
                string name = field.StartsWith('"') ? field[1..field.IndexOf('"', 1)] : field[..field.IndexOf(' ', StringComparison.Ordinal)];
                names.Add(name.Replace("'", "''", StringComparison.Ordinal));
                start = i + 1;
            }
        }
        string cast = isTry ? "TRY_CAST" : "CAST";
        string fields = string.Join(", ", names.Select((n, k) => $"'{n}', json_extract(CAST($1 AS JSON), '$[{k}]')"));
        string wrongLength = isTry ? "NULL" : $"error('Cannot cast a JSON array of ' || json_array_length(CAST($1 AS JSON)) || ' elements to a row of {names.Count} fields')";
        return $"(CASE WHEN typeof($1) = 'JSON' AND json_type(CAST($1 AS JSON)) = 'ARRAY' THEN {cast}(CASE WHEN json_array_length(CAST($1 AS JSON)) <> {names.Count} "
            + $"THEN {wrongLength} ELSE json_object({fields}) END AS {type}) ELSE {cast}($1 AS {type}) END)";
    }

    private static string Row(List<string> words, ref int at, string sql, DuneToken anchor)
    {
        Expect(words, ref at, "(", sql, anchor);
        var fields = new StringBuilder("STRUCT(");
        int n = 0;
        while (true)
        {
            string fieldName;
            // A field is "name type" or just "type"; a name is followed by a type word, not by "(" "," ")".
            if (at + 1 < words.Count && words[at + 1] is not ("(" or "," or ")"))
            {
                fieldName = words[at++];
            }
            else
            {
                fieldName = $"field{n}";
            }
            string type = Parse(words, ref at, false, sql, anchor);
            fields.Append(n == 0 ? "" : ", ").Append(fieldName).Append(' ').Append(type);
            n++;
            if (at < words.Count && words[at] == ",")
            {
                at++;
                continue;
            }
            Expect(words, ref at, ")", sql, anchor);
            return fields.Append(')').ToString();
        }
    }

    private static string Open(List<string> words, ref int at, string sql, DuneToken anchor)
    {
        string close = at < words.Count && words[at] == "<" ? ">" : ")";
        Expect(words, ref at, close == ">" ? "<" : "(", sql, anchor);
        return close;
    }

    private static string Lower(string s) => s.ToLowerInvariant();

    private static void Expect(List<string> words, ref int at, string symbol, string sql, DuneToken anchor)
    {
        if (at >= words.Count || words[at] != symbol)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"Malformed type in CAST: expected '{symbol}'");
        }
        at++;
    }
}
