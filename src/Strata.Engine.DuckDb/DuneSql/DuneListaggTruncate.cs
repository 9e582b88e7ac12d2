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

    private const ulong StateBytes = 16; // the group's GCHandle, the execution's budget (for Destroy, which has no info)

    internal static string HeldTooMuch => string.Create(CultureInfo.InvariantCulture,
        $"listagg ON OVERFLOW TRUNCATE would hold more than {MaxHeldBytes} bytes of values and ORDER BY keys for this query's groups");

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr key = DuneNative.CreateType(DuneNative.TypeBlob);
        // The execution's count of bytes held and its calls' literals, freed with the function.
        var extra = (long*)NativeMemory.AllocZeroed(2 * sizeof(long));
        extra[1] = (long)GCHandle.ToIntPtr(GCHandle.Alloc(new DuneListaggTruncateConfigs()));
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), Function,
            [new([text, key, text, text, text], text, (IntPtr)extra)],
            &StateSize, &Init, &Update, &Combine, &Finalize, new(&Destroy, &FreeExtra));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong StateSize(IntPtr info) => StateBytes;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info, IntPtr state)
    {
        try
        {
            ((long*)state)[0] = 0;
            ((long*)state)[1] = 0;
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>An unexpected failure, named without its message (no value reaches it).</summary>
    private static void Failed(IntPtr info, Exception e) => DuneNative.AggregateSetError(info, "listagg failed: " + e.GetType().Name);

    private static DuneListaggTruncateConfigs ConfigsOf(long* extra) => (DuneListaggTruncateConfigs)GCHandle.FromIntPtr((IntPtr)extra[1]).Target!;

    /// <summary>What a state holds: nothing, a single (byte[]) or a group.</summary>
    private static object? Held(long* state) => state[0] == 0 ? null : GCHandle.FromIntPtr((IntPtr)state[0]).Target;

    /// <summary>Makes <paramref name="held"/> the state's (a new handle, or the handle's target replaced).</summary>
    private static void Hold(long* state, long* budget, object held)
    {
        if (state[0] == 0)
        {
            state[0] = (long)GCHandle.ToIntPtr(GCHandle.Alloc(held));
            state[1] = (long)budget;
        }
        else
        {
            var handle = GCHandle.FromIntPtr((IntPtr)state[0]);
            handle.Target = held;
        }
    }

    /// <summary>Charges <paramref name="cost"/>; false (nothing charged) past the bound.</summary>
    private static bool Charge(long* budget, long cost)
    {
        if (Interlocked.Add(ref *budget, cost) <= MaxHeldBytes)
        {
            return true;
        }
        Interlocked.Add(ref *budget, -cost);
        return false;
    }

    /// <summary>The state's group, a single made one (its value taken over, its charge given back); null when the budget
    /// cannot hold the group.</summary>
    private static DuneListaggTruncateGroup? GroupOf(long* state, long* budget, DuneListaggTruncateConfigs configs)
    {
        switch (Held(state))
        {
            case DuneListaggTruncateGroup group:
                return group;
            case byte[] single:
                var config = configs[DuneListaggTruncateSingle.Config(single)];
                if (DuneListaggTruncateGroup.Make(budget, config) is not { } made
                    || !made.Add(DuneListaggTruncateSingle.Key(single, config), DuneListaggTruncateSingle.Value(single), DuneListaggTruncateSingle.Arrival(single)))
                {
                    return null;
                }
                Hold(state, budget, made);
                Interlocked.Add(ref *budget, -DuneListaggTruncateSingle.Cost(single));
                return made;
            default:
                throw new InvalidOperationException("an empty state has no group");
        }
    }

    /// <summary>One row into an empty state: a single when the value fits the output, else a group; false past the budget.</summary>
    private static bool Start(long* state, long* budget, DuneListaggTruncateConfigs configs, int index, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var config = configs[index];
        if (value.Length <= DuneSqlTranslator.ListaggMaxOutputBytes)
        {
            var single = DuneListaggTruncateSingle.Make(DuneListaggTruncateGroup.NextArrival(), index, key, value, config.Elides(key, value));
            if (!Charge(budget, DuneListaggTruncateSingle.Cost(single)))
            {
                return false;
            }
            Hold(state, budget, single);
            return true;
        }
        if (DuneListaggTruncateGroup.Make(budget, config) is not { } group)
        {
            return false;
        }
        Hold(state, budget, group);
        return group.Add(key, value);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            var extra = (long*)DuneNative.AggregateGetExtraInfo(info);
            var configs = ConfigsOf(extra);
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
                var state = (long*)states[row];
                var key = NativeString.IsNull(valid[1], row) ? default : (columns[1] + row)->Bytes;
                var value = (columns[0] + row)->Bytes;
                bool within;
                if (state[0] != 0)
                {
                    within = GroupOf(state, extra, configs) is { } group && group.Add(key, value);
                }
                else
                {
                    var filler = NativeString.IsNull(valid[3], row) ? default : (columns[3] + row)->Bytes;
                    if (filler.Length > MaxFillerBytes)
                    {
                        DuneNative.AggregateSetError(info, string.Create(CultureInfo.InvariantCulture,
                            $"Overflow filler length {filler.Length} exceeds maximum length {MaxFillerBytes}"));
                        return;
                    }
                    int index = configs.IndexOf(NativeString.IsNull(valid[2], row) ? default : (columns[2] + row)->Bytes, filler,
                        !NativeString.IsNull(valid[4], row) && !(columns[4] + row)->Bytes.IsEmpty, extra);
                    within = index >= 0 && Start(state, extra, configs, index, key, value);
                }
                if (!within)
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
            var extra = (long*)DuneNative.AggregateGetExtraInfo(info);
            var configs = ConfigsOf(extra);
            for (ulong i = 0; i < count; i++)
            {
                if (!CombineOne((long*)source[i], (long*)target[i], extra, configs))
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

    /// <summary>The source's rows into the target; the source is only read (a window's segment tree reads it again). A
    /// single's array is immutable and shared, charged once more for the target.</summary>
    private static bool CombineOne(long* from, long* to, long* budget, DuneListaggTruncateConfigs configs)
    {
        switch (Held(from))
        {
            case null:
                return true;
            case byte[] single when to[0] == 0:
                if (!Charge(budget, DuneListaggTruncateSingle.Cost(single)))
                {
                    return false;
                }
                Hold(to, budget, single);
                return true;
            case byte[] single:
                var config = configs[DuneListaggTruncateSingle.Config(single)];
                return GroupOf(to, budget, configs) is { } into
                    && into.Add(DuneListaggTruncateSingle.Key(single, config), DuneListaggTruncateSingle.Value(single), DuneListaggTruncateSingle.Arrival(single));
            case DuneListaggTruncateGroup group:
                DuneListaggTruncateGroup? target;
                if (to[0] == 0)
                {
                    target = DuneListaggTruncateGroup.Make(budget, group.Config);
                    if (target is not null)
                    {
                        Hold(to, budget, target);
                    }
                }
                else
                {
                    target = GroupOf(to, budget, configs);
                }
                return target is not null && target.Merge(group);
            default:
                return true;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, IntPtr* source, IntPtr result, ulong count, ulong offset)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                switch (Held((long*)source[i]))
                {
                    case byte[] single:
                        // One value within the bound: the output is the value.
                        NativeString.Set(result, offset + i, DuneListaggTruncateSingle.Value(single));
                        break;
                    case DuneListaggTruncateGroup group when group.Output() is { } output:
                        NativeString.Set(result, offset + i, output);
                        break;
                    default:
                        NativeString.SetNull(result, offset + i);
                        break;
                }
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>Frees the groups and singles, their charges given back (DuckDB calls it for every state it made, after an
    /// error too).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr* states, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var state = (long*)states[i];
                if (state[0] != 0)
                {
                    var handle = GCHandle.FromIntPtr((IntPtr)state[0]);
                    if (handle.Target is DuneListaggTruncateGroup group)
                    {
                        group.Release();
                    }
                    else if (handle.Target is byte[] single)
                    {
                        Interlocked.Add(ref *(long*)state[1], -DuneListaggTruncateSingle.Cost(single));
                    }
                    handle.Free();
                    state[0] = 0;
                }
            }
        }
        catch (Exception)
        {
            // Nothing may escape to native code, and a destructor has no error to set: a group not freed is collected
            // with the process.
        }
    }

    /// <summary>Frees the execution's budget and its calls' literals (the function's extra info).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeExtra(IntPtr extra)
    {
        try
        {
            var block = (long*)extra;
            if (block[1] != 0)
            {
                GCHandle.FromIntPtr((IntPtr)block[1]).Free();
            }
            NativeMemory.Free(block);
        }
        catch (Exception)
        {
            // Nothing may escape to native code.
        }
    }
}
