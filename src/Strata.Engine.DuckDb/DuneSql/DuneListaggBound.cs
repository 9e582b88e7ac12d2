using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_listagg_bound(value varchar, separator varchar) → boolean</c> and <c>dune_listagg_distinct_bound</c>: native
/// aggregates beside listagg's <c>string_agg(… ORDER BY …)</c> that count the bytes the group's output would have (its
/// non-NULL values and a separator between two of them; the total does not depend on the order) as the rows come, and fail
/// in Trino's words as soon as they pass Trino's 1,048,576 (<see cref="DuneSqlTranslator.ListaggMaxOutputBytes"/>).
/// DuckDB runs an aggregate with an ORDER BY as a sorted aggregate that buffers the whole group before string_agg sees a
/// value, so the check on the result came only after a group of any size was held and sorted (1 GB of values: 73 s,
/// hostile20); these run in the same operator over the same rows (and the same FILTER), so a group stops one input chunk
/// past the bound (hostile23). They always give true.
/// <para>
/// <c>listagg(DISTINCT …)</c> (hostile25): DuckDB runs a DISTINCT aggregate by first gathering the group's distinct values
/// in a hash table of their own, so the distinct bound takes the rows without DISTINCT and deduplicates them itself: it
/// keeps the 128-bit hash and byte length of each distinct value seen (two values with different hashes are different
/// values, so a collision can only undercount; the exact check on string_agg's result stays behind it). Its entries are
/// managed memory, which DuckDB's memory limit does not see: one execution's aggregates hold at most
/// <see cref="MaxEntries"/> of them between all their groups; a group that would pass that stops counting and leaves the
/// bound to the exact check after DuckDB's own deduplication (the same answer, later).
/// </para>
/// <para>
/// One frame serves both (hostile26 folded the distinct one in): the state is four longs (bytes so far, the separator's
/// length, 1 once a value came, and the distinct form's tracker handle); the function's extra info is the distinct form's
/// entry budget, absent for the plain form. Combine never takes a source's tracker over, it copies the entries, so a
/// source that DuckDB reads again (a window's segment tree combines the same node states into many frames) stays whole.
/// </para>
/// </summary>
internal static unsafe class DuneListaggBound
{
    public const string Function = "dune_listagg_bound";

    public const string DistinctFunction = "dune_listagg_distinct_bound";

    /// <summary>The distinct values one execution's aggregates track between all their groups (~40 bytes each).</summary>
    internal const long MaxEntries = 2_000_000;

    private const int StateBytes = 32; // bytes so far, separator bytes, 1 once a non-NULL value came, a tracker's GCHandle

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static bool DistinctUsedBy(string translatedSql) => translatedSql.Contains(DistinctFunction + "(", StringComparison.Ordinal);

    /// <summary>Trino's words for an output past the bound (ListaggAggregationStateSerializer/AbstractListaggAggregationState).</summary>
    internal static string Exceeded => "Concatenated string has the length in bytes larger than the maximum output length "
        + DuneSqlTranslator.ListaggMaxOutputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void Register(DuckDBConnection connection) => Register(connection, Function, IntPtr.Zero, default);

    public static void RegisterDistinct(DuckDBConnection connection) =>
        // The execution's count of entries held, freed with the function.
        Register(connection, DistinctFunction, (IntPtr)NativeMemory.AllocZeroed(sizeof(long)), new(&Destroy, &FreeBudget));

    private static void Register(DuckDBConnection connection, string name, IntPtr budget, DuneNative.AggregateCleanup cleanup)
    {
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), name,
            [new([text, text], DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean), budget)],
            &StateSize, &Init, &Update, &Combine, &Finalize, cleanup);
    }

    /// <summary>A group's distinct values so far: each one's hash and length (the lengths' sum is the state's byte count).
    /// Inert once the execution's budget ran out for it.</summary>
    private sealed class Tracker(long* budget)
    {
        public Dictionary<UInt128, int>? Seen = [];

        /// <summary>Counts an entry against the execution's budget; false (and the tracker stops) when it is spent.</summary>
        public bool Take()
        {
            if (Interlocked.Increment(ref *budget) <= MaxEntries)
            {
                return true;
            }
            Interlocked.Decrement(ref *budget);
            GiveUp();
            return false;
        }

        /// <summary>Stops counting and gives its entries back to the execution's budget (also when the state is freed).</summary>
        public void GiveUp()
        {
            if (Seen is not null)
            {
                Interlocked.Add(ref *budget, -Seen.Count);
                Seen = null;
            }
        }
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

    /// <summary>The distinct form's tracker of a state, made on first use.</summary>
    private static Tracker TrackerOf(long* state, long* budget)
    {
        if (state[3] == 0)
        {
            state[3] = (long)GCHandle.ToIntPtr(GCHandle.Alloc(new Tracker(budget)));
        }
        return (Tracker)GCHandle.FromIntPtr((IntPtr)state[3]).Target!;
    }

    /// <summary>Counts one distinct value (nothing for one seen before, or once the tracker stopped); false when the group
    /// passes the bound.</summary>
    private static bool AddDistinct(long* state, Tracker tracker, UInt128 hash, int length, long separator) =>
        tracker.Seen is null || tracker.Seen.ContainsKey(hash) || !tracker.Take() || (tracker.Seen.TryAdd(hash, length) && Add(state, length, separator));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            var budget = (long*)DuneNative.AggregateGetExtraInfo(info);
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
                var state = (long*)states[row];
                long separatorBytes = NativeString.IsNull(separatorValid, row) ? 0 : separator[row].Length;
                bool within;
                if (budget == null)
                {
                    within = Add(state, value[row].Length, separatorBytes);
                }
                else
                {
                    var bytes = (value + row)->Bytes;
                    within = AddDistinct(state, TrackerOf(state, budget), XxHash128.HashToUInt128(bytes), bytes.Length, separatorBytes);
                }
                if (!within)
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
            var budget = (long*)DuneNative.AggregateGetExtraInfo(info);
            for (ulong i = 0; i < count; i++)
            {
                var from = (long*)source[i];
                var to = (long*)target[i];
                bool within = budget == null ? from[2] == 0 || Add(to, from[0], from[1]) : CombineDistinct(from, to, budget);
                if (!within)
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

    /// <summary>Adds the source's distinct values the target has not seen to the target; the source is only read. False
    /// when the target passes the bound.</summary>
    private static bool CombineDistinct(long* from, long* to, long* budget)
    {
        if (from[3] == 0)
        {
            return true;
        }
        var merged = (Tracker)GCHandle.FromIntPtr((IntPtr)from[3]).Target!;
        var into = TrackerOf(to, budget);
        if (merged.Seen is null || into.Seen is null)
        {
            // Either side stopped counting: the union cannot be counted (the source stays as it is).
            into.GiveUp();
            return true;
        }
        foreach (var (hash, length) in merged.Seen)
        {
            if (into.Seen is null)
            {
                return true;
            }
            if (!AddDistinct(to, into, hash, length, from[1]))
            {
                return false;
            }
        }
        return true;
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

    /// <summary>Frees the distinct form's trackers (DuckDB calls it for every state it made, after an error too).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr* states, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var state = (long*)states[i];
                if (state[3] != 0)
                {
                    var handle = GCHandle.FromIntPtr((IntPtr)state[3]);
                    ((Tracker)handle.Target!).GiveUp();
                    handle.Free();
                    state[3] = 0;
                }
            }
        }
        catch (Exception)
        {
            // Nothing may escape to native code, and a destructor has no error to set: a tracker not freed is collected
            // with the process.
        }
    }

    /// <summary>Frees an execution's count of bytes held (the extra info of this aggregate and of dune_listagg_truncate).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static void FreeBudget(IntPtr budget)
    {
        try
        {
            NativeMemory.Free((void*)budget);
        }
        catch (Exception)
        {
            // Nothing may escape to native code.
        }
    }
}
