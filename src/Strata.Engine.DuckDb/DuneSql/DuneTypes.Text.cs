namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's casts from varchar (VarcharOperators): to an integer type Java's Integer/Long/Short/Byte parse of the trimmed
/// text (an optional sign and ASCII digits, nothing else); to real Java's Float parse of the trimmed text (NaN and
/// Infinity spelled so, an f or d suffix allowed; double keeps DuckDB's parse, decision 346); to boolean t, f, 1, 0, true or false in any case,
/// untrimmed. DuckDB's casts accept more: '12.5' to an integer is 13 there, '1e3' 1000, '1_000' 1000, '0x10' 16, 'yes' and
/// 'n' are booleans, 'inf' and '1_0' doubles; and they refuse Java's '1d'. The text is checked against Java's grammar
/// first: what passes goes to DuckDB's cast (the same number; an overflow is DuckDB's error), what does not goes to it
/// behind <see cref="TextRefusedMark"/>, which no cast reads, so that DuckDB's own conversion error (with the cast's
/// position, and caught by TRY_CAST and TRY) is raised and the binder words it as Trino's "Cannot cast 'text' to T",
/// without the mark. Java's trim drops every char up to U+0020 and DuckDB's cast only whitespace, so the check allows
/// whitespace only (a control character beside the digits is refused where Trino answers); Java's hexadecimal floats
/// ("0x1p3") are refused too.
/// </summary>
internal static partial class DuneTypes
{
    /// <summary>U+E001 (private use) before a text Java would not parse: DuckDB's cast then fails on it.</summary>
    internal const char TextRefusedMark = '\uE001';

    private const string Blank = @"[\t\n\v\f\r ]*";
    private const string JavaInteger = "'" + Blank + "[+-]?[0-9]+" + Blank + "'";
    private const string JavaNumber = @"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?";
    private const string JavaFloating = "'" + Blank + "([+-]?(NaN|Infinity)|" + JavaNumber + ")" + Blank + "'";
    private const string JavaSuffixed = "'" + Blank + JavaNumber + "[fFdD]" + Blank + "'";
    private static readonly string Refused = " ELSE chr(" + ((int)TextRefusedMark).ToString(System.Globalization.CultureInfo.InvariantCulture) + ") || ";

    private static string Cast(bool isTry) => isTry ? "TRY_CAST(" : "CAST(";

    /// <summary>The varchar <paramref name="text"/> (written more than once) cast to an integer type as Trino casts it.</summary>
    internal static string TextToInteger(string text, string type, bool isTry) =>
        $"{Cast(isTry)}(CASE WHEN {text} IS NULL OR regexp_full_match({text}, {JavaInteger}) THEN {text}{Refused}{text} END) AS {type})";

    /// <summary>The varchar <paramref name="text"/> cast to DOUBLE or REAL as Trino casts it (a suffix cut before DuckDB's cast).</summary>
    internal static string TextToFloating(string text, string type, bool isTry) =>
        $"{Cast(isTry)}(CASE WHEN {text} IS NULL OR regexp_full_match({text}, {JavaFloating}) THEN {text} "
        + $"WHEN regexp_full_match({text}, {JavaSuffixed}) THEN rtrim({text}, 'fFdD' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' '){Refused}{text} END) AS {type})";

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
