using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_wall(x)</c>, what the translator wraps a field read's argument in (<c>hour(x)</c> is <c>hour(dune_wall(x))</c>,
/// decision 181): a TIMESTAMPTZ becomes the TIMESTAMP of its wall clock in the session zone, UTC (the prelude sets it, as
/// Dune's), so the field is DuckDB's arithmetic on a TIMESTAMP instead of ICU's calendar, which computes every field of
/// a TIMESTAMPTZ per row (about 20 times the cost over prices.usd). Every other type the field functions take is itself
/// (an exact overload each, so DuckDB binds the field function as it did); a zone's type (<see cref="DuneZones"/>) has no
/// overload of its own and takes its cheapest conversion, to its wall clock (TIMESTAMP), as the field functions did.
/// </summary>
public static unsafe class DuneWallClock
{
    /// <summary>The name the translator writes.</summary>
    public const string Function = "dune_wall";

    /// <summary>The types taken as themselves and the bytes of one value.</summary>
    private static readonly (DuckDBType Type, int Width)[] Identities =
    [
        (DuckDBType.Date, 4), (DuckDBType.Time, 8), (DuckDBType.TimeTz, 8), (DuckDBType.Timestamp, 8), (DuckDBType.TimestampMs, 8),
        (DuckDBType.TimestampS, 8), (DuckDBType.TimestampNs, 8), (DuckDBType.Interval, 16),
    ];

    /// <summary>Whether a translated text reads a wall clock (the sandbox registers the function only then).</summary>
    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>Adds the overloads to the function sets about to be registered.</summary>
    internal static void AddOverloads(Dictionary<string, List<IntPtr>> pending)
    {
        var list = pending[Function] = [];
        list.Add(Overload(DuckDBType.TimestampTz, DuckDBType.Timestamp, 8));
        foreach (var (type, width) in Identities)
        {
            list.Add(Overload(type, type, width));
        }
    }

    private static IntPtr Overload(DuckDBType from, DuckDBType to, int width)
    {
        IntPtr function = DuneNative.CreateScalar();
        DuneNative.ScalarName(function, Function);
        IntPtr parameter = DuneNative.CreateType((int)from), result = DuneNative.CreateType((int)to);
        DuneNative.ScalarParameter(function, parameter);
        DuneNative.ScalarReturn(function, result);
        DuneNative.DestroyType(ref parameter);
        DuneNative.DestroyType(ref result);
        DuneNative.ScalarBody(function, &Rows);
        DuneNative.ScalarExtra(function, width, IntPtr.Zero);
        return function;
    }

    /// <summary>One chunk: the values' bytes as they are (an instant in microseconds since the epoch is its UTC wall clock
    /// in microseconds, DuckDB's TIMESTAMP), NULL kept.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            int width = (int)(long)DuneNative.ScalarGetExtra(info);
            DuneNative.ValidRows(input, output, 1, out ulong rows); // the NULL rows set NULL in the output
            byte* from = (byte*)DuneNative.Data(DuneNative.ChunkVector(input, 0)), to = (byte*)DuneNative.Data(output);
            Buffer.MemoryCopy(from, to, (long)rows * width, (long)rows * width);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "dune_wall failed: " + e.GetType().Name);
        }
    }
}
