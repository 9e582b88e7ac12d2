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

    /// <summary>Cast to double: a varchar as Trino parses it (DuneTypes.Text.cs), and uint256/int256 through their digits the
    /// same way, since DuckDB's BIGNUM-to-DOUBLE conversion is not always the nearest double (Java's
    /// <c>BigInteger.doubleValue</c> is); any other type as DuckDB casts it. One native call keeps the commonest cast of real
    /// queries (of a JSON text) short (decisions 346, 348).</summary>
    internal static string ToDouble(bool isTry) =>
        $"(CASE WHEN typeof($1) IN ('VARCHAR', 'BIGNUM') THEN {TextToFloating("CAST($1 AS VARCHAR)", "DOUBLE", isTry)} ELSE {Cast(isTry)}$1 AS DOUBLE) END)";

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
        string fromMicros = $"CAST(make_timestamp({RoundHalfUp($"epoch_us({ReadWithZone(isTry, precision)})", micro)} * {micro}) AS TIMESTAMPTZ)";
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
            + $"ELSE {ReadWithZone(isTry, 6)} END)";
    }

    /// <summary>
    /// x as DuckDB's TIMESTAMPTZ, a text read as Trino's cast reads it at p digits (VarcharToTimestampWithTimeZoneCast:
    /// DuneZones.TextCast.cs, decision 298, where DuckDB's own cast took <c>+25:00</c> and refused <c>+hhmmss</c> and a
    /// one-digit hour that Trino reads); a text that does not read fails in Trino's words ("Value cannot be cast to
    /// timestamp: …"), NULL in TRY_CAST. Any other type is DuckDB's cast (the folded typeof drops the branch not taken).
    /// </summary>
    private static string ReadWithZone(bool isTry, int precision) =>
        $"(CASE WHEN typeof($1) = 'VARCHAR' THEN {(isTry ? DuneZones.TryTextInstant : DuneZones.TextInstant)}(CAST($1 AS VARCHAR), {precision}) "
        + $"ELSE {(isTry ? "TRY_CAST" : "CAST")}($1 AS TIMESTAMPTZ) END)";

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
}
