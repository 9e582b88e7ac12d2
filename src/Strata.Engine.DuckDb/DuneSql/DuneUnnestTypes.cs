using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's refusal of an UNNEST operand that is no array or map, <c>Cannot unnest type: varchar</c> (StatementAnalyzer), for
/// an operand whose type only DuckDB's binder knows (decision 262). DuckDB refuses such an operand when it binds, in its own
/// words ("UNNEST requires a single list as input") and without the type. The engine then binds the statement once more,
/// translated with each such operand written <c>CASE WHEN dune_unnest_check(typeof(x)) THEN x END</c>
/// (DuneSqlTranslator.UnnestType.cs): DuckDB folds <c>typeof(x)</c> to the type's text when it binds, and this function's
/// bind step fails with Trino's words and the type's Dune name when that text is no list, array or map. The statement a
/// user's query runs as never holds the check: an UNNEST whose operand is an expression is planned as a join and loses its
/// array's order (decision 259), so only the statement that failed is bound again, and never run.
/// </summary>
internal static unsafe class DuneUnnestTypes
{
    public const string Function = "dune_unnest_check";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>Whether DuckDB unnests a value of this type (its type text): a list, a fixed-size array or a map.</summary>
    internal static bool Unnestable(string duckType)
    {
        string t = duckType.Trim();
        return t.EndsWith(']') || t.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Trino's refusal of a value of this type (DuckDB's type text), or null when it can be unnested.</summary>
    internal static string? Refusal(string duckType) =>
        Unnestable(duckType) ? null : "Cannot unnest type: " + DuneTypeNames.Name(duckType);

    public static void Register(DuckDB.NET.Data.DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr function = DuneNative.CreateScalar();
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr boolean = DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean);
        try
        {
            DuneNative.ScalarName(function, Function);
            DuneNative.ScalarParameter(function, text);
            DuneNative.ScalarReturn(function, boolean);
            DuneNative.ScalarBind(function, &Bind);
            DuneNative.ScalarBody(function, &DuneSetTypes.Rows);
            if (DuneNative.RegisterScalar(con, function) != 0)
            {
                throw new InvalidOperationException("Could not register " + Function + ".");
            }
        }
        finally
        {
            DuneNative.DestroyType(ref boolean);
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyScalar(ref function);
        }
    }

    /// <summary>Reads the operand's type text (a constant once <c>typeof</c> is folded) and fails the bind with Trino's
    /// message when it is no list, array or map. An argument that is no constant leaves the call unchecked.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        IntPtr context = IntPtr.Zero;
        try
        {
            DuneNative.BindClientContext(info, out context);
            if (DuneNative.BindArgumentCount(info) == 1 && DuneSetTypes.Constant(info, context, 0) is string type && Refusal(type) is string message)
            {
                DuneNative.BindError(info, message);
            }
        }
        catch (Exception e)
        {
            DuneNative.BindError(info, Function + " failed: " + e.GetType().Name);
        }
        finally
        {
            if (context != IntPtr.Zero)
            {
                DuneNative.DestroyClientContext(ref context);
            }
        }
    }
}
