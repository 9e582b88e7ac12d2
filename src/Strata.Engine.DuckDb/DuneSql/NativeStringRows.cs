using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>One row of a native string function: its argument bytes (<paramref name="second"/> empty when the function
/// takes one); it writes the row's value into <paramref name="output"/> and returns null, or returns the query's error.</summary>
internal delegate string? NativeStringRow(IntPtr output, ulong row, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second);

/// <summary>
/// The per-row loop the native string functions (<see cref="DuneBase58"/>, <see cref="DuneHashes"/>,
/// <see cref="DuneKeccak"/>) share over DuckDB's VARCHAR/BLOB vectors: a NULL in any argument gives NULL, each other
/// row goes to the row function, the first error stops the chunk, and nothing escapes to native code (an exception
/// becomes the query's error through <c>failure</c>).
/// </summary>
internal static unsafe class NativeStringRows
{
    public static void Run(IntPtr info, IntPtr input, IntPtr output, int arity, NativeStringRow each, Func<Exception, string> failure)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            var data = stackalloc NativeString*[2];
            var valid = stackalloc ulong*[2];
            for (int a = 0; a < arity; a++)
            {
                IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, a);
                data[a] = (NativeString*)Vectors.DuckDBVectorGetData(vector);
                valid[a] = Vectors.DuckDBVectorGetValidity(vector);
            }
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valid[0], row) || (arity == 2 && NativeString.IsNull(valid[1], row)))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                string? error = each(output, row, (data[0] + row)->Bytes, arity == 2 ? (data[1] + row)->Bytes : default);
                if (error is not null)
                {
                    ScalarFunction.DuckDBScalarFunctionSetError(info, error);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            ScalarFunction.DuckDBScalarFunctionSetError(info, failure(e));
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }

    /// <summary>The refusal of an input over <paramref name="max"/> bytes (a native call cannot be cancelled), or null.</summary>
    public static string? TooLong(string function, int length, int max) =>
        length > max ? $"{function}: the input is {length} bytes, over the limit of {max} bytes" : null;
}
