namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's casts from varchar (VarcharOperators): to an integer type Java's Integer/Long/Short/Byte parse of the trimmed
/// text (an optional sign and decimal digits of any script, nothing else); to double and real Java's Double/Float parse of
/// the trimmed text (NaN and Infinity spelled so, an f or d suffix allowed); to boolean t, f, 1, 0, true or false in any
/// case, untrimmed. DuckDB's casts accept more: '12.5' to an integer is 13 there, '1e3' 1000, '1_000' 1000, '0x10' 16,
/// 'yes' and 'n' are booleans, 'inf' and '1_0' doubles; and they refuse Java's '1d' and '٣'. A number's text goes through
/// the native <see cref="DuneJavaNumbers"/> (one call, the operand written once: decision 348) before DuckDB's cast; a
/// boolean's is checked in the template. What Java would not parse goes to the cast behind <see cref="TextRefusedMark"/>,
/// which no cast reads, so that DuckDB's own conversion error (with the cast's position, and caught by TRY_CAST and TRY) is
/// raised and the binder words it as Trino's "Cannot cast 'text' to T", without the mark. Java's hexadecimal floats
/// ("0x1p3") are refused.
/// </summary>
internal static partial class DuneTypes
{
    /// <summary>U+E001 (private use) before a text Java would not parse: DuckDB's cast then fails on it.</summary>
    internal const char TextRefusedMark = '\uE001';

    private static readonly string Refused = " ELSE chr(" + ((int)TextRefusedMark).ToString(System.Globalization.CultureInfo.InvariantCulture) + ") || ";

    private static string Cast(bool isTry) => isTry ? "TRY_CAST(" : "CAST(";

    /// <summary>The varchar <paramref name="text"/> cast to an integer type as Trino casts it.</summary>
    internal static string TextToInteger(string text, string type, bool isTry) =>
        $"{Cast(isTry)}{DuneJavaNumbers.Integer}({text}) AS {type})";

    /// <summary>The varchar <paramref name="text"/> cast to DOUBLE or REAL as Trino casts it.</summary>
    internal static string TextToFloating(string text, string type, bool isTry) =>
        $"{Cast(isTry)}{DuneJavaNumbers.Floating}({text}) AS {type})";

    /// <summary>The varchar <paramref name="text"/> cast to boolean as Trino casts it.</summary>
    internal static string TextToBoolean(string text, bool isTry) =>
        $"{Cast(isTry)}(CASE WHEN {text} IS NULL OR lower({text}) IN ('t', 'true', '1', 'f', 'false', '0') THEN {text}{Refused}{text} END) AS BOOLEAN)";

    /// <summary>Cast to real: a varchar as Trino parses it, any other type as DuckDB casts it (the folded typeof drops the
    /// branch not taken; the text branch reads its operand through a cast to varchar so that it binds for any type).</summary>
    internal static string ToReal(bool isTry) =>
        $"(CASE WHEN typeof($1) = 'VARCHAR' THEN {TextToFloating("CAST($1 AS VARCHAR)", "REAL", isTry)} ELSE {Cast(isTry)}$1 AS REAL) END)";

    /// <summary>Cast to boolean: a varchar as Trino reads it, any other type as DuckDB casts it.</summary>
    internal static string ToBoolean(bool isTry) =>
        $"(CASE WHEN typeof($1) = 'VARCHAR' THEN {TextToBoolean("CAST($1 AS VARCHAR)", isTry)} ELSE {Cast(isTry)}$1 AS BOOLEAN) END)";
}
