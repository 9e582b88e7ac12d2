using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_to_hex(BLOB) → VARCHAR</c>: Trino's to_hex (lower-case digits, two a byte; Dune's docs write them lower case),
/// one pass. Its answer is twice its input, so a recursive CTE applying it to its own answer (through to_utf8) doubled a
/// text without end (hostile33, DuckDB's <c>lower(hex(x))</c>): an input past half of <see cref="DuneValueBound.MaxBytes"/>
/// is refused naming to_hex before anything is built. A varchar binds no overload (Trino takes only a varbinary; DuckDB's
/// "No function matches" is read as Trino's "Unexpected parameters (varchar) for function to_hex"); a string literal is
/// cast to its bytes, as DuckDB casts it. Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneToHex
{
    public const string Function = "dune_to_hex";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Blob, 1, DuckDBType.Varchar, &Rows);

    /// <summary>The refusal's words.</summary>
    internal static readonly string TooLarge = DuneValueBound.Words("to_hex", "the answer's size (two digits for each byte)");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, static (output, row, bytes, _) =>
        {
            if (2L * bytes.Length > DuneValueBound.MaxBytes)
            {
                return TooLarge;
            }
            NativeString.SetRented(output, row, 2 * bytes.Length, bytes, static (to, from) => Convert.TryToHexStringLower(from, to, out int written));
            return null;
        }, e => "to_hex failed: " + e.GetType().Name);
}
