using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_listagg_bound(value varchar, separator varchar) → boolean</c>, a native aggregate beside listagg's
/// <c>string_agg(… ORDER BY …)</c> (hostile23): it counts the bytes the group's output would have (its non-NULL values and a
/// separator between two of them; the total does not depend on the order) as the rows come, and fails in Trino's words as
/// soon as they pass Trino's 1,048,576 (<see cref="DuneSqlTranslator.ListaggMaxOutputBytes"/>). DuckDB runs an aggregate
/// with an ORDER BY as a sorted aggregate that buffers the whole group before string_agg sees a value, so the check on the
/// result came only after a group of any size was held and sorted (1 GB of values: 73 s, hostile20); this aggregate runs in
/// the same operator over the same rows (and the same FILTER), so a group stops one input chunk past the bound. Its state
/// is fixed-size (the bytes so far, the separator's length, whether a value came). It always gives true.
/// </summary>
internal static unsafe class DuneListaggBound
{
    public const string Function = "dune_listagg_bound";

    private const int StateBytes = 24; // bytes so far, separator bytes, 1 once a non-NULL value came

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>Trino's words for an output past the bound (ListaggAggregationStateSerializer/AbstractListaggAggregationState).</summary>
    internal static string Exceeded => "Concatenated string has the length in bytes larger than the maximum output length "
        + DuneSqlTranslator.ListaggMaxOutputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), Function,
            [new([text, text], DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean), IntPtr.Zero)],
            &StateSize, &Init, &Update, &Combine, &Finalize);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong StateSize(IntPtr info) => StateBytes;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info, IntPtr state)
    {
        try
        {
            new Span<byte>((void*)state, StateBytes).Clear();
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>An unexpected failure, named without its message (no value reaches it).</summary>
    private static void Failed(IntPtr info, Exception e) => DuneNative.AggregateSetError(info, "listagg failed: " + e.GetType().Name);

    /// <summary>Adds <paramref name="bytes"/> of output to the state (a separator first when a value came before); false
    /// when the group passes the bound.</summary>
    private static bool Add(long* state, long bytes, long separator)
    {
        if (state[2] != 0)
        {
            bytes += separator;
        }
        state[0] += bytes;
        state[1] = separator;
        state[2] = 1;
        return state[0] <= DuneSqlTranslator.ListaggMaxOutputBytes;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr values = DuneNative.ChunkVector(input, 0), separators = DuneNative.ChunkVector(input, 1);
            var value = (NativeString*)DuneNative.Data(values);
            var separator = (NativeString*)DuneNative.Data(separators);
            ulong* valueValid = DuneNative.Validity(values), separatorValid = DuneNative.Validity(separators);
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valueValid, row))
                {
                    continue;
                }
                long separatorBytes = NativeString.IsNull(separatorValid, row) ? 0 : separator[row].Length;
                if (!Add((long*)states[row], value[row].Length, separatorBytes))
                {
                    DuneNative.AggregateSetError(info, Exceeded);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Combine(IntPtr info, IntPtr* source, IntPtr* target, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var from = (long*)source[i];
                if (from[2] != 0 && !Add((long*)target[i], from[0], from[1]))
                {
                    DuneNative.AggregateSetError(info, Exceeded);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, IntPtr* source, IntPtr result, ulong count, ulong offset)
    {
        try
        {
            var flags = (byte*)DuneNative.Data(result);
            for (ulong i = 0; i < count; i++)
            {
                flags[offset + i] = 1;
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }
}
