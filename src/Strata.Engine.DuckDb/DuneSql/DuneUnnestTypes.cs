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
/// array's order (decision 259), so only the statement that failed is bound again, and never run. A map operand fails the
/// bind with <see cref="MapOperandMarker"/> and the operand's offset (the call's second argument): Trino unnests a map into
/// key and value columns, so the engine translates that operand as a map and runs the statement again (decision 266). The
/// marker never reaches a user: only the type's refusal of a checked bind is reported.
/// </summary>
internal static unsafe class DuneUnnestTypes
{
    public const string Function = "dune_unnest_check";

    /// <summary>The start of a checked bind's failure for an operand that is a map; the operand's offset follows.</summary>
    public const string MapOperandMarker = "strata: unnest operand is a map at ";

    /// <summary>What follows a refusal's words in a checked bind's failure: the offset of the UNNEST (Trino's position
    /// of the refusal).</summary>
    public const string UnnestAtMarker = " (strata: at ";

    /// <summary>The offset of the map operand a checked bind's failure names, or null when the failure is another.</summary>
    public static int? MapOperand(string message) => OffsetAfter(message, MapOperandMarker);

    /// <summary>A checked bind's refusal: Trino's words and the offset of the UNNEST, or null when the failure is another.</summary>
    public static (string Message, int? UnnestOffset)? Refused(string message)
    {
        if (!message.StartsWith("Cannot unnest type: ", StringComparison.Ordinal))
        {
            return null;
        }
        int at = message.IndexOf(UnnestAtMarker, StringComparison.Ordinal);
        return at < 0 ? (message, null) : (message[..at], OffsetAfter(message, UnnestAtMarker));
    }

    /// <summary>Whether a type text is a map itself, not a list of maps (<c>MAP(VARCHAR, INTEGER)[]</c> is a list: the lead's
    /// review of 266).</summary>
    internal static bool IsMap(string type)
    {
        string t = type.Trim();
        return t.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase) && !t.EndsWith(']');
    }

    private static int? OffsetAfter(string message, string marker)
    {
        // Found wherever the engine's reading of the error put it (DuckDB prefixes a bind error with its kind).
        int at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var digits = message.AsSpan(at + marker.Length);
        int length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }
        return int.TryParse(digits[..length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int offset) ? offset : null;
    }

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

    public static void Register(DuckDB.NET.Data.DuckDBConnection connection) => DuneSetTypes.RegisterCheck(connection, Function, 3, &Bind);

    /// <summary>Reads the operand's type text (a constant once <c>typeof</c> is folded) and fails the bind with Trino's
    /// message (and <see cref="UnnestAtMarker"/>, the UNNEST's offset: the third argument) when it is no list, array or
    /// map, or with <see cref="MapOperandMarker"/> and the operand's offset (the second argument) when it is a map. An
    /// argument that is no constant leaves the call unchecked.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        IntPtr context = IntPtr.Zero;
        try
        {
            DuneNative.BindClientContext(info, out context);
            if (DuneNative.BindArgumentCount(info) == 3 && DuneSetTypes.Constant(info, context, 0) is string type)
            {
                if (Refusal(type) is string message)
                {
                    DuneNative.BindError(info, DuneSetTypes.Constant(info, context, 2) is string unnest ? message + UnnestAtMarker + unnest + ")" : message);
                }
                else if (IsMap(type) && DuneSetTypes.Constant(info, context, 1) is string offset)
                {
                    DuneNative.BindError(info, MapOperandMarker + offset);
                }
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
