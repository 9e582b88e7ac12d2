using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>typeof(x)</c>: the name of x's type as Trino spells it (<c>integer</c>, <c>varchar</c>, <c>decimal(3,2)</c>,
/// <c>timestamp(3) with time zone</c>, <c>array(integer)</c>, <c>row(a integer, b varchar)</c>, <c>uint256</c>), the same
/// names the API's <c>column_types</c> give (<see cref="DuckDbTypes.DuneName"/>). The translator writes
/// <c>dune_type_name(typeof(x))</c>: DuckDB folds its own <c>typeof</c> when it binds, and this native function renames
/// that text. A string literal is typed by the translator as Trino types it (<c>varchar(3)</c> for <c>'cat'</c>).
/// Registered before the lock only for a text that calls it (<see cref="UsedBy"/>).
/// </summary>
public static unsafe class DuneTypeNames
{
    /// <summary>DuckDB's type texts are short; a longer one (a struct of many fields) is still renamed, up to this.</summary>
    private const int MaxText = 64 * 1024;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains("dune_type_name(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_type_name", DuckDBType.Varchar, 1, DuckDBType.Varchar, &Rows);
        NativeScalarFunction.Register(connection, "dune_type_name", DuckDBType.Varchar, 2, DuckDBType.Varchar, &DeclaredRows);
    }

    /// <summary>Trino's name of a DuckDB type text (DuckDB's <c>typeof</c>).</summary>
    public static string Name(string duckType)
    {
        string upper = duckType.Trim().ToUpperInvariant();
        return upper switch
        {
            "TIME WITH TIME ZONE" => "time(3) with time zone",
            // DuckDB's typeof of a bare NULL; Trino's is "unknown".
            "\"NULL\"" or "NULL" => "unknown",
            _ => DuckDbTypes.DuneName(duckType),
        };
    }

    /// <summary>The name of a cast's declared type (the translator's second argument) when DuckDB's type is the one the
    /// cast gives, else Trino's name of DuckDB's type (decision 218).</summary>
    public static string Name(string duckType, string declared) => DuckDbDeclaredTypes.Name(declared, duckType) ?? Name(duckType);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DeclaredRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, (output, row, text, declared) =>
        {
            if (NativeStringRows.TooLong("typeof", text.Length, MaxText) is { } tooLong)
            {
                return tooLong;
            }
            NativeString.Set(output, row, Encoding.UTF8.GetBytes(Name(Encoding.UTF8.GetString(text), Encoding.UTF8.GetString(declared))));
            return null;
        }, e => "typeof failed: " + e.GetType().Name);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, text, _) =>
        {
            if (NativeStringRows.TooLong("typeof", text.Length, MaxText) is { } tooLong)
            {
                return tooLong;
            }
            NativeString.Set(output, row, Encoding.UTF8.GetBytes(Name(Encoding.UTF8.GetString(text))));
            return null;
        }, e => "typeof failed: " + e.GetType().Name);
}
