using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_concat(VARCHAR, …) → VARCHAR</c> and <c>dune_concat(BLOB, …) → BLOB</c>: Trino's concat of texts or varbinaries
/// (a <c>||</c> chain and a <c>concat(…)</c> call, written by the translator as one call of all their operands, each once):
/// NULL when any operand is NULL (Trino's concat and <c>||</c>), else the operands' bytes in order. The summed length is
/// checked before anything is built: past <see cref="DuneValueBound.MaxBytes"/> (16 MiB) the call fails naming concat
/// (hostile33: a recursive CTE doubling a text grew to the worker's memory limit). A plain function of its arguments
/// (DuckDB folds it over constants). Any other operand type binds no overload: DuckDB's "No function matches" is read as
/// Trino's "Unexpected parameters (…) for function concat" (<see cref="TrinoErrorMessages"/>).
/// Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneConcat
{
    public const string Function = "dune_concat";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.RegisterVarargs(connection, Function, DuckDBType.Varchar, DuckDBType.Varchar, &Rows);
        NativeScalarFunction.RegisterVarargs(connection, Function, DuckDBType.Blob, DuckDBType.Blob, &Rows);
    }

    /// <summary>The refusal's words.</summary>
    internal static readonly string TooLarge = DuneValueBound.Words("concat", "the answer's size (its operands' bytes added)");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            int arity = (int)DataChunks.DuckDBDataChunkGetColumnCount(chunk);
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            var data = new IntPtr[arity];
            var valid = new IntPtr[arity];
            for (int a = 0; a < arity; a++)
            {
                IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, a);
                data[a] = (IntPtr)Vectors.DuckDBVectorGetData(vector);
                valid[a] = (IntPtr)Vectors.DuckDBVectorGetValidity(vector);
            }
            for (ulong row = 0; row < rows; row++)
            {
                long total = 0;
                bool isNull = false;
                for (int a = 0; a < arity && !isNull; a++)
                {
                    isNull = NativeString.IsNull((ulong*)valid[a], row);
                    total += ((NativeString*)data[a] + row)->Length;
                }
                if (isNull)
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                if (total > DuneValueBound.MaxBytes)
                {
                    DuneNative.ScalarSetError(info, TooLarge);
                    return;
                }
                NativeString.SetRented(output, row, (int)total, new Operands(data, row), static (span, operands) =>
                {
                    int at = 0;
                    for (int a = 0; a < operands.Data.Length; a++)
                    {
                        var bytes = ((NativeString*)operands.Data[a] + operands.Row)->Bytes;
                        bytes.CopyTo(span[at..]);
                        at += bytes.Length;
                    }
                });
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            DuneNative.ScalarSetError(info, "concat failed: " + e.GetType().Name);
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }

    /// <summary>One row's operands: the vectors' entries and the row.</summary>
    private readonly record struct Operands(IntPtr[] Data, ulong Row);
}
