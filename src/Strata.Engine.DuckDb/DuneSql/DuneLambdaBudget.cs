using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_lambda_budget(value ANY, index BIGINT, depth INTEGER) → BOOLEAN</c>: the bound on what a lambda over a list
/// builds into one answer. <c>transform(sequence(1, 10000), x -> sequence(1, 10000))</c> holds 10^8 elements in one value,
/// in DuckDB list vectors its memory limit does not count (hostile44: 8.2 GB resident under a 2 GB limit, the interrupt
/// honoured 100 s late). The translator wraps each element's value of a transform or zip_with (in one-element lambda, so
/// it is computed once) in a call of this function with the element's 1-based index in its list and the lambda's nesting
/// depth. The function adds the value's weight (a text's or varbinary's bytes, a list's or map's elements' weights, a
/// row's fields', 1 for any other non-NULL value) to its list's running total, restarted at index 1, and fails past
/// <see cref="DuneValueBound.MaxBytes"/> (each element at least a byte of the answer, as flatten's bound reads it): the
/// answer is refused while it is being built, at most one lambda batch (2,048 elements) past the bound.
/// <para>DuckDB evaluates a lambda over a chunk's lists in order, a batch at a time on one thread, and an inner lambda's
/// whole evaluation for a batch comes before the outer lambda's budget call on that batch; so the running totals are kept
/// per connection, per thread and per depth (siblings at one depth run one after the other).</para>
/// </summary>
internal static unsafe partial class DuneLambdaBudget
{
    internal const string Function = "dune_lambda_budget";

    private const int TypeAny = 34, TypeStruct = 25, TypeArray = 33; // duckdb_type

    /// <summary>The deepest nesting counted apart; deeper lambdas share the last total (the translator refuses nesting
    /// past 10 levels of the user's lambdas).</summary>
    private const int Depths = 64;

    /// <summary>One connection's running totals, per DuckDB thread (the extra info of its registration). A sandbox
    /// connection serves one execution, so what a query stopped mid-batch leaves behind (a refusal, a timeout, a
    /// cancel) ends with it and never counts against another execution that runs on the same thread.</summary>
    private sealed class Budget
    {
        public readonly ThreadLocal<Running> PerThread = new(() => new Running());
    }

    private sealed class Running
    {
        public readonly long[] Totals = new long[Depths];

        /// <summary>The weight the nested guarded lambdas built since the outermost one's last batch: DuckDB evaluates an
        /// outer lambda's body for a whole batch (up to 2,048 elements, each of which may hold a nested answer of up to the
        /// bound) before the outer budget call sees any of it, so the inner calls count it as they build.</summary>
        public long Pending;
    }

    /// <summary>The refusal's words.</summary>
    internal static readonly string TooLarge = DuneValueBound.Words("transform",
        "the answer's size (its elements' values, a list counted by its elements and a text by its bytes)");

    /// <summary>The refusal when nested lambdas' answers, built for one batch of the outer lambda, pass the bound.</summary>
    internal static readonly string TooMuchAtOnce = DuneValueBound.Words("transform",
        "what its nested lambdas build at once (the answers for a batch of up to 2,048 elements of the outer list)");

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr any = DuneNative.CreateType(TypeAny), index = DuneNative.CreateType(DuneNative.TypeBigInt),
            depth = DuneNative.CreateType(DuneNative.TypeInteger), result = DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean);
        try
        {
            DuneNative.RegisterScalar(con, Function, [any, index, depth], result, &Rows, GCHandle.ToIntPtr(GCHandle.Alloc(new Budget())), DuneNative.FreeHandle);
        }
        finally
        {
            DuneNative.DestroyType(ref result);
            DuneNative.DestroyType(ref depth);
            DuneNative.DestroyType(ref index);
            DuneNative.DestroyType(ref any);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr value = DuneNative.ChunkVector(input, 0);
            var indexes = (long*)DuneNative.Data(DuneNative.ChunkVector(input, 1));
            var depths = (int*)DuneNative.Data(DuneNative.ChunkVector(input, 2));
            var answers = (byte*)DuneNative.Data(output);
            var mine = ((Budget)GCHandle.FromIntPtr(DuneNative.ScalarGetExtra(info)).Target!).PerThread.Value!;
            long[] running = mine.Totals;
            for (ulong row = 0; row < rows; row++)
            {
                int depth = Math.Clamp(depths[row], 0, Depths - 1);
                if (indexes[row] <= 1)
                {
                    running[depth] = 0;
                }
                long weight = Weight(value, row, 1);
                running[depth] += weight;
                mine.Pending = depth == 0 ? 0 : mine.Pending + weight;
                if (running[depth] > DuneValueBound.MaxBytes || mine.Pending > DuneValueBound.MaxBytes)
                {
                    string refusal = mine.Pending > DuneValueBound.MaxBytes ? TooMuchAtOnce : TooLarge;
                    running[depth] = 0;
                    mine.Pending = 0;
                    DuneNative.ScalarSetError(info, refusal);
                    return;
                }
                answers[row] = 1;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "transform failed: " + e.GetType().Name);
        }
    }

    /// <summary>The weight of <paramref name="count"/> values of <paramref name="vector"/> from <paramref name="start"/>.</summary>
    private static long Weight(IntPtr vector, ulong start, ulong count)
    {
        IntPtr type = DuneNative.ColumnType(vector);
        try
        {
            int id = DuneNative.TypeId(type);
            ulong* valid = DuneNative.Validity(vector);
            long weight = 0;
            switch (id)
            {
                case DuneNative.TypeList or DuneNative.TypeMap:
                {
                    var entries = (DuneNative.ListEntry*)DuneNative.Data(vector);
                    IntPtr child = DuneNative.ListChild(vector);
                    for (ulong row = start; row < start + count; row++)
                    {
                        if (DuneNative.IsValid(valid, row) && entries[row].Length > 0)
                        {
                            weight += Weight(child, entries[row].Offset, entries[row].Length);
                        }
                    }
                    return weight;
                }
                case DuneNative.TypeVarchar or DuneNative.TypeBlob:
                    for (ulong row = start; row < start + count; row++)
                    {
                        weight += DuneNative.IsValid(valid, row) ? Math.Max(1, ((NativeString*)DuneNative.Data(vector) + row)->Length) : 0;
                    }
                    return weight;
                case TypeStruct:
                {
                    long fields = (long)StructChildCount(type);
                    for (long f = 0; f < fields; f++)
                    {
                        weight += Weight(StructChild(vector, (ulong)f), start, count);
                    }
                    return weight;
                }
                case TypeArray:
                {
                    ulong size = ArraySize(type);
                    return size == 0 ? 0 : Weight(ArrayChild(vector), start * size, count * size);
                }
                default:
                    for (ulong row = start; row < start + count; row++)
                    {
                        weight += DuneNative.IsValid(valid, row) ? 1 : 0;
                    }
                    return weight;
            }
        }
        finally
        {
            DuneNative.DestroyType(ref type);
        }
    }

    [LibraryImport("duckdb", EntryPoint = "duckdb_struct_type_child_count")]
    private static partial ulong StructChildCount(IntPtr type);

    [LibraryImport("duckdb", EntryPoint = "duckdb_struct_vector_get_child")]
    private static partial IntPtr StructChild(IntPtr vector, ulong index);

    [LibraryImport("duckdb", EntryPoint = "duckdb_array_type_array_size")]
    private static partial ulong ArraySize(IntPtr type);

    [LibraryImport("duckdb", EntryPoint = "duckdb_array_vector_get_child")]
    private static partial IntPtr ArrayChild(IntPtr vector);
}
