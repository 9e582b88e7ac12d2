using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>cardinality(x)</c> on an array or a map: DuckDB's <c>len</c> takes only lists and its <c>cardinality</c>
/// only maps, and a translation cannot tell which it has. <c>dune_cardinality</c> is a native function with a
/// <c>LIST(ANY)</c> overload and an <c>ANY</c> one (DuckDB 1.5 fails internally on a <c>MAP(ANY, ANY)</c> parameter);
/// a map is a list of entries in memory too, so the body reads each row's entry count, after checking that the
/// argument is a list or a map.
/// </summary>
internal static unsafe class DuneCardinality
{
    private const int TypeAny = 34; // DUCKDB_TYPE_ANY

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        foreach (bool map in new[] { false, true })
        {
            IntPtr any = DuneNative.CreateType(TypeAny);
            IntPtr parameter = map ? DuneNative.CreateType(TypeAny) : DuneNative.CreateListType(any);
            IntPtr result = DuneNative.CreateType(DuneNative.TypeBigInt);
            try
            {
                DuneNative.RegisterScalar(con, "dune_cardinality", [parameter], result, &Rows);
            }
            finally
            {
                DuneNative.DestroyType(ref result);
                DuneNative.DestroyType(ref parameter);
                DuneNative.DestroyType(ref any);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr vector = DuneNative.ChunkVector(input, 0);
            if (DuneNative.TypeIdOf(vector) is not (DuneNative.TypeList or DuneNative.TypeMap))
            {
                DuneNative.ScalarSetError(info, "cardinality takes an array or a map");
                return;
            }
            var entries = (DuneNative.ListEntry*)DuneNative.Data(vector);
            ulong* valid = DuneNative.Validity(vector);
            var counts = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (DuneNative.IsValid(valid, row))
                {
                    counts[row] = (long)entries[row].Length;
                }
                else
                {
                    DuneNative.SetNull(output, row);
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "cardinality failed: " + e.GetType().Name);
        }
    }
}
