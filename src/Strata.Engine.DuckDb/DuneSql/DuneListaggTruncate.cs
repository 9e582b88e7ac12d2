using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_listagg_truncate(value varchar, key blob, separator varchar, filler varchar, count varchar) → varchar</c>: Trino's
/// <c>listagg(… ON OVERFLOW TRUNCATE [filler] WITH|WITHOUT COUNT) WITHIN GROUP (ORDER BY …)</c> as a native aggregate,
/// <c>key</c> being DuckDB's <c>create_sort_key</c> of the ORDER BY. NULL values are skipped as Trino's listagg skips them.
/// The values are joined in key order by the separator while the output stays within 1,048,576 bytes; the first value
/// that would pass the bound is not written, and instead the separator (when a value was written), the filler and, when
/// <c>count</c> is not empty, <c>(n)</c> for the n values left out (Trino's AbstractListaggAggregationState.writeEntry/
/// writeOverflow, read in trinodb/trino). A filler over 65,536 bytes fails in Trino's words. A group with no value gives
/// NULL.
/// <para>
/// hostile27: until then the translation was <c>list(value ORDER BY …)</c> and a scalar join, so DuckDB held and sorted the
/// whole group (millions of long strings) to write at most a mebibyte of it. Each group now keeps only the values before
/// its first value past the bound (<see cref="DuneListaggTruncateGroup"/>) and counts the rest, as the rows come. The
/// kept values are managed memory, outside DuckDB's memory limit: one execution's groups hold at most
/// <see cref="MaxHeldBytes"/> of kept values, keys and overhead between them, past which the query fails naming that bound.
/// </para>
/// </summary>
internal static unsafe class DuneListaggTruncate
{
    public const string Function = "dune_listagg_truncate";

    /// <summary>Trino's bound on the filler (AbstractListaggAggregationState.MAX_OVERFLOW_FILLER_LENGTH).</summary>
    internal const int MaxFillerBytes = 65_536;

    /// <summary>The bytes one execution's TRUNCATE groups may keep between them (256 groups at the output bound).</summary>
    internal const long MaxHeldBytes = 256L << 20;

    private const ulong StateBytes = 8; // the group's GCHandle

    internal static string HeldTooMuch => string.Create(CultureInfo.InvariantCulture,
        $"listagg ON OVERFLOW TRUNCATE would hold more than {MaxHeldBytes} bytes of values and ORDER BY keys for this query's groups");

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr key = DuneNative.CreateType(DuneNative.TypeBlob);
        // The execution's count of bytes held, freed with the function.
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), Function,
            [new([text, key, text, text, text], text, (IntPtr)NativeMemory.AllocZeroed(sizeof(long)))],
            &StateSize, &Init, &Update, &Combine, &Finalize, new(&Destroy, &DuneListaggBound.FreeBudget));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong StateSize(IntPtr info) => StateBytes;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info, IntPtr state)
    {
        try
        {
            *(long*)state = 0;
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>An unexpected failure, named without its message (no value reaches it).</summary>
    private static void Failed(IntPtr info, Exception e) => DuneNative.AggregateSetError(info, "listagg failed: " + e.GetType().Name);

    /// <summary>The group of a state, made on first use.</summary>
    private static DuneListaggTruncateGroup GroupOf(long* state, long* budget)
    {
        if (*state == 0)
        {
            *state = (long)GCHandle.ToIntPtr(GCHandle.Alloc(new DuneListaggTruncateGroup(budget)));
        }
        return (DuneListaggTruncateGroup)GCHandle.FromIntPtr((IntPtr)(*state)).Target!;
    }

    private static DuneListaggTruncateGroup? Existing(long* state) =>
        *state == 0 ? null : (DuneListaggTruncateGroup)GCHandle.FromIntPtr((IntPtr)(*state)).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            var budget = (long*)DuneNative.AggregateGetExtraInfo(info);
            ulong rows = DuneNative.ChunkSize(input);
            var columns = stackalloc NativeString*[5];
            var valid = stackalloc ulong*[5];
            for (int k = 0; k < 5; k++)
            {
                IntPtr vector = DuneNative.ChunkVector(input, (ulong)k);
                columns[k] = (NativeString*)DuneNative.Data(vector);
                valid[k] = DuneNative.Validity(vector);
            }
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valid[0], row))
                {
                    continue;
                }
                var group = GroupOf((long*)states[row], budget);
                if (!group.Configured)
                {
                    var filler = NativeString.IsNull(valid[3], row) ? default : (columns[3] + row)->Bytes;
                    if (filler.Length > MaxFillerBytes)
                    {
                        DuneNative.AggregateSetError(info, string.Create(CultureInfo.InvariantCulture,
                            $"Overflow filler length {filler.Length} exceeds maximum length {MaxFillerBytes}"));
                        return;
                    }
                    group.Configure(NativeString.IsNull(valid[2], row) ? default : (columns[2] + row)->Bytes, filler,
                        !NativeString.IsNull(valid[4], row) && !(columns[4] + row)->Bytes.IsEmpty);
                }
                var key = NativeString.IsNull(valid[1], row) ? default : (columns[1] + row)->Bytes;
                if (!group.Add(key, (columns[0] + row)->Bytes))
                {
                    DuneNative.AggregateSetError(info, HeldTooMuch);
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
            var budget = (long*)DuneNative.AggregateGetExtraInfo(info);
            for (ulong i = 0; i < count; i++)
            {
                if (Existing((long*)source[i]) is { } from && !GroupOf((long*)target[i], budget).Merge(from))
                {
                    DuneNative.AggregateSetError(info, HeldTooMuch);
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
            for (ulong i = 0; i < count; i++)
            {
                if (Existing((long*)source[i])?.Output() is { } output)
                {
                    NativeString.Set(result, offset + i, output);
                }
                else
                {
                    NativeString.SetNull(result, offset + i);
                }
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>Frees the groups (DuckDB calls it for every state it made, after an error too).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr* states, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var state = (long*)states[i];
                if (*state != 0)
                {
                    var handle = GCHandle.FromIntPtr((IntPtr)(*state));
                    ((DuneListaggTruncateGroup)handle.Target!).Release();
                    handle.Free();
                    *state = 0;
                }
            }
        }
        catch (Exception)
        {
            // Nothing may escape to native code, and a destructor has no error to set: a group not freed is collected
            // with the process.
        }
    }
}
