using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_frame_budget(kind INTEGER) OVER spec → BOOLEAN</c>: the collection-frame guard (DuneSqlTranslator.FrameGuard.cs,
/// hostile44), a native aggregate computed over the guarded call's own window. Its state counts the frame's rows; each
/// chunk of answers adds its rows' frames to the execution's count of the elements the guarded aggregates build, and fails
/// with <see cref="DuneSqlTranslator.FrameRefusal"/> once that count passes
/// <see cref="DuneSqlTranslator.MaxCollectionFrameElements"/> on a chunk with a frame past
/// <see cref="DuneSqlTranslator.MaxCollectionFrameRows"/> rows. It always gives false.
/// <para>
/// The guard was a <c>CASE</c> over <c>count(*) OVER spec</c> and <c>count(*) OVER ()</c>: DuckDB ran the second as a
/// window operator of its own after the guarded one, and a window operator takes all its input before it gives a row, so
/// every partition's answers were built before the check saw one (3 partitions of 16,700 rows: 42 s to a refusal on main).
/// A check in the projection above a single window operator comes late too: DuckDB computes a large partition's chunks on
/// its threads at once, and a chunk late in a growing frame of 10^6 rows alone holds 10^9 elements. Computed in the same
/// window operator, before the guarded call (DuckDB evaluates one chunk's window functions in their order), the count
/// refuses the chunk whose frames pass the bound before its answers are built, in whichever partition it comes.
/// </para>
/// The count is the execution's (the sandbox's connection serves one; its extra info); its chunks come on DuckDB's threads
/// together, so it is added atomically. Whether a query is refused does not depend on the order the chunks come in but
/// on its frames: once the sum of all frames passes the bound, a chunk with a frame past the row bound fails.
/// </summary>
public static unsafe class DuneFrameBudget
{
    public const string Function = "dune_frame_budget";

    private const int StateBytes = 16; // the frame's rows, the guarded function's kind

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>The elements the guarded aggregates built so far on one connection.</summary>
    private sealed class Count
    {
        public long Elements;
    }

    public static void Register(DuckDBConnection connection)
    {
        IntPtr kind = DuneNative.CreateType(DuneNative.TypeInteger);
        IntPtr boolean = DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean);
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), Function,
            [new([kind], boolean, GCHandle.ToIntPtr(GCHandle.Alloc(new Count())))],
            &StateSize, &Init, &Update, &Combine, &Finalize, new(null, (delegate* unmanaged[Cdecl]<IntPtr, void>)(void*)DuneNative.FreeHandle));
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

    private static void Failed(IntPtr info, Exception e) => DuneNative.AggregateSetError(info, Function + " failed: " + e.GetType().Name);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            var kinds = (int*)DuneNative.Data(DuneNative.ChunkVector(input, 0));
            for (ulong row = 0; row < rows; row++)
            {
                var state = (long*)states[row];
                state[0]++;
                state[1] = kinds[row];
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
                var to = (long*)target[i];
                if (from[0] > 0)
                {
                    to[0] += from[0];
                    to[1] = from[1];
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
            long elements = 0;
            long* widest = null;
            for (ulong i = 0; i < count; i++)
            {
                var state = (long*)source[i];
                elements += state[0];
                widest = widest == null || state[0] > widest[0] ? state : widest;
                flags[offset + i] = 0;
            }
            var total = (Count)GCHandle.FromIntPtr(DuneNative.AggregateGetExtraInfo(info)).Target!;
            if (Interlocked.Add(ref total.Elements, elements) > DuneSqlTranslator.MaxCollectionFrameElements
                && widest != null && widest[0] > DuneSqlTranslator.MaxCollectionFrameRows)
            {
                DuneNative.AggregateSetError(info, DuneSqlTranslator.FrameRefusal(DuneSqlTranslator.FrameCollectionName((int)widest[1])));
            }
        }
        catch (Exception e)
        {
            Failed(info, e);
        }
    }
}
