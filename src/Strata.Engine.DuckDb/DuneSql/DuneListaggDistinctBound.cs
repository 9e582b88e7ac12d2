using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_listagg_distinct_bound(value varchar, separator varchar) → boolean</c>: <see cref="DuneListaggBound"/> for
/// <c>listagg(DISTINCT …)</c> (hostile25). DuckDB runs a DISTINCT aggregate by first gathering the group's distinct values
/// in a hash table of their own, and only then feeds them to the aggregate, so a bound counted over the distinct values
/// (as <c>dune_listagg_bound(DISTINCT …)</c> did) came after the group's distinct values were all held (10 million of them
/// for a group whose output passes 1 MiB after 150,000). This aggregate takes the group's rows as they come, without
/// DISTINCT, and deduplicates them itself: it keeps the 128-bit hash and byte length of each distinct value seen (two
/// values with different hashes are different values, so a hash collision can only undercount; the exact check on
/// string_agg's result stays behind it) and fails in Trino's words one row past the bound. A group at the bound holds
/// about 1 MiB of distinct values, so at most about 1,048,577 entries.
/// <para>
/// Its entries are managed memory, which DuckDB's memory limit does not see: one execution's aggregates hold at most
/// <see cref="MaxEntries"/> of them between all their groups. A group that would pass that stops counting (its entries
/// are given back) and leaves the bound to the exact check after DuckDB's own deduplication, which the memory and spill
/// limits bound; the answer is the same either way.
/// </para>
/// </summary>
internal static unsafe class DuneListaggDistinctBound
{
    public const string Function = "dune_listagg_distinct_bound";

    /// <summary>The distinct values one execution's aggregates track between all their groups (~40 bytes each).</summary>
    internal const long MaxEntries = 2_000_000;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        // The execution's count of entries held, freed with the function.
        IntPtr budget = (IntPtr)NativeMemory.AllocZeroed(sizeof(long));
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), Function,
            [new([text, text], DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean), budget)],
            &StateSize, &Init, &Update, &Combine, &Finalize, new(&Destroy, &FreeBudget));
    }

    /// <summary>A group's distinct values so far: each one's hash and length, the sum of the lengths, and the separator's
    /// length. Inert once the execution's budget ran out for it.</summary>
    private sealed class Tracker(long* budget)
    {
        public Dictionary<UInt128, int>? Seen = [];
        public long ValueBytes;
        public long SeparatorBytes;

        /// <summary>The output's length: the values, and a separator between two of them.</summary>
        public long OutputBytes => ValueBytes + (Seen is { Count: > 1 } ? (Seen.Count - 1) * SeparatorBytes : 0);

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

    private const ulong StateBytes = 8; // a GCHandle's IntPtr (64-bit processes only, as DuckDB's native library)

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info, IntPtr state)
    {
        try
        {
            *(IntPtr*)state = IntPtr.Zero;
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }

    /// <summary>An unexpected failure, named without its message (no value reaches it).</summary>
    private static void Failed(IntPtr info, Exception e) => DuneNative.AggregateSetError(info, "listagg failed: " + e.GetType().Name);

    private static Tracker TrackerOf(IntPtr state, long* budget)
    {
        ref IntPtr slot = ref *(IntPtr*)state;
        if (slot == IntPtr.Zero)
        {
            slot = GCHandle.ToIntPtr(GCHandle.Alloc(new Tracker(budget)));
        }
        return (Tracker)GCHandle.FromIntPtr(slot).Target!;
    }

    /// <summary>Counts one value; false when the group's output passes the bound.</summary>
    private static bool Add(Tracker tracker, long* budget, UInt128 hash, int length, long separator)
    {
        if (tracker.Seen is null || tracker.Seen.ContainsKey(hash))
        {
            return true;
        }
        if (Interlocked.Increment(ref *budget) > MaxEntries)
        {
            Interlocked.Decrement(ref *budget);
            tracker.GiveUp();
            return true;
        }
        tracker.Seen.Add(hash, length);
        tracker.ValueBytes += length;
        tracker.SeparatorBytes = separator;
        return tracker.OutputBytes <= DuneSqlTranslator.ListaggMaxOutputBytes;
    }

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
                var bytes = (value + row)->Bytes;
                long separatorBytes = NativeString.IsNull(separatorValid, row) ? 0 : separator[row].Length;
                if (!Add(TrackerOf(states[row], budget), budget, XxHash128.HashToUInt128(bytes), bytes.Length, separatorBytes))
                {
                    DuneNative.AggregateSetError(info, DuneListaggBound.Exceeded);
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
                ref IntPtr from = ref *(IntPtr*)source[i];
                if (from == IntPtr.Zero)
                {
                    continue;
                }
                ref IntPtr to = ref *(IntPtr*)target[i];
                if (to == IntPtr.Zero)
                {
                    // The target takes the source's tracker whole.
                    to = from;
                    from = IntPtr.Zero;
                    continue;
                }
                var handle = GCHandle.FromIntPtr(from);
                from = IntPtr.Zero;
                var merged = (Tracker)handle.Target!;
                handle.Free();
                var into = (Tracker)GCHandle.FromIntPtr(to).Target!;
                if (merged.Seen is null || into.Seen is null)
                {
                    // Either side stopped counting: the union cannot be counted.
                    merged.GiveUp();
                    into.GiveUp();
                    continue;
                }
                into.SeparatorBytes = Math.Max(into.SeparatorBytes, merged.SeparatorBytes);
                int held = into.Seen.Count + merged.Seen.Count;
                foreach (var (hash, length) in merged.Seen)
                {
                    if (into.Seen.TryAdd(hash, length))
                    {
                        into.ValueBytes += length;
                    }
                }
                // The merged entries now counted in the target; the source's given back.
                Interlocked.Add(ref *budget, into.Seen.Count - held);
                merged.Seen = null;
                if (into.OutputBytes > DuneSqlTranslator.ListaggMaxOutputBytes)
                {
                    DuneNative.AggregateSetError(info, DuneListaggBound.Exceeded);
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

    /// <summary>Frees the states' trackers (DuckDB calls it for every state it made, after an error too).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr* states, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                ref IntPtr slot = ref *(IntPtr*)states[i];
                if (slot != IntPtr.Zero)
                {
                    var handle = GCHandle.FromIntPtr(slot);
                    ((Tracker)handle.Target!).GiveUp();
                    handle.Free();
                    slot = IntPtr.Zero;
                }
            }
        }
        catch (Exception)
        {
            // Nothing may escape to native code, and a destructor has no error to set: a tracker not freed is collected
            // with the process.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeBudget(IntPtr budget)
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
