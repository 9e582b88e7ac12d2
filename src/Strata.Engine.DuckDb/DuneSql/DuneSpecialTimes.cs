using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_special_time(text, target)</c>: the text as it is, or Trino's refusal when it is one of DuckDB's special date and
/// timestamp texts (<c>infinity</c>, <c>-infinity</c>, <c>epoch</c>, any case, spaces around; DuneSqlTranslator.SpecialTimes.cs),
/// which DuckDB reads and Trino does not (decision 208). The translator writes it around a text only a cast or a parsing
/// function then reads: a computed text cast to a date or timestamp (<c>CAST(concat('inf', 'inity') AS timestamp)</c>), and
/// the argument of <c>date_parse</c>, <c>from_iso8601_timestamp</c> and <c>from_iso8601_timestamp_nanos</c>. The target
/// names the refusal: a cast's type ("Value cannot be cast to timestamp: infinity", Trino's VarcharTo…Cast), <c>format</c>
/// for a parsing function (Joda's "Invalid format: \"infinity\"", which Trino's functions pass on), or empty for a
/// TRY_CAST (NULL). One native call per chunk: the text is read once, where a SQL guard would name it twice.
/// </summary>
public static unsafe class DuneSpecialTimes
{
    public const string Function = "dune_special_time";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 2, DuckDBType.Varchar, &Rows);

    /// <summary>Whether a text is one of DuckDB's special date and timestamp texts (the same words as the translator's pattern).</summary>
    internal static bool IsSpecial(ReadOnlySpan<byte> text)
    {
        var word = text.Trim(" \t\n\r\f\v"u8);
        if (word.Length > 0 && word[0] is (byte)'-' or (byte)'+')
        {
            word = word[1..];
        }
        return Ascii.EqualsIgnoreCase(word, "infinity"u8) || Ascii.EqualsIgnoreCase(word, "epoch"u8);
    }

    /// <summary>The refusal of a special text for a target (see the class comment).</summary>
    internal static string Refusal(string target, string text) => target == "format"
        ? $"Invalid format: \"{text}\""
        : $"Value cannot be cast to {target}: {text.Trim()}";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, (output, row, text, target) =>
        {
            if (!IsSpecial(text))
            {
                NativeString.Set(output, row, text);
            }
            else if (target.IsEmpty)
            {
                NativeString.SetNull(output, row);
            }
            else
            {
                return Refusal(Encoding.UTF8.GetString(target), Encoding.UTF8.GetString(text));
            }
            return null;
        }, e => "cast failed: " + e.GetType().Name);
}
