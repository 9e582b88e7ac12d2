using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>One row of a native string function: its argument bytes (<paramref name="second"/> empty when the function
/// takes one); it writes the row's value into <paramref name="output"/> and returns null, or returns the query's error.</summary>
internal delegate string? NativeStringRow(IntPtr output, ulong row, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second);

/// <summary>One row of a native string function of up to <see cref="NativeStringRows.MaxArguments"/> arguments, read as
/// <c>arguments[k]</c>; as <see cref="NativeStringRow"/> otherwise.</summary>
internal delegate string? NativeStringArgumentsRow(IntPtr output, ulong row, NativeStringRows.Arguments arguments);

/// <summary>
/// The per-row loop the native string functions (<see cref="DuneBase58"/>, <see cref="DuneHashes"/>,
/// <see cref="DuneKeccak"/>, <see cref="DuneJavaRegexp"/>, …) share over DuckDB's VARCHAR/BLOB vectors: a NULL in any
/// argument gives NULL, each other row goes to the row function, the first error stops the chunk, and nothing escapes to
/// native code (an exception becomes the query's error through <c>failure</c>).
/// </summary>
internal static unsafe class NativeStringRows
{
    /// <summary>The most arguments a function of this loop takes.</summary>
    public const int MaxArguments = 5;

    /// <summary>One row's arguments, read in place.</summary>
    public readonly ref struct Arguments
    {
        private readonly NativeString** data;
        private readonly ulong row;

        internal Arguments(NativeString** data, ulong row, int count)
        {
            this.data = data;
            this.row = row;
            Count = count;
        }

        public int Count { get; }

        /// <summary>Argument <paramref name="k"/>'s bytes.</summary>
        public ReadOnlySpan<byte> this[int k]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)k, (uint)Count, nameof(k));
                return (data[k] + row)->Bytes;
            }
        }
    }

    public static void Run(IntPtr info, IntPtr input, IntPtr output, int arity, NativeStringRow each, Func<Exception, string> failure) =>
        Run(info, input, output, arity, (output, row, arguments) => each(output, row, arguments[0], arguments.Count == 2 ? arguments[1] : default), failure);

    /// <param name="start">Called first, inside the loop's catch-all (a function's per-call state).</param>
    /// <param name="end">Called last, whatever happened (clears the per-call state <paramref name="start"/> set).</param>
    public static void Run(IntPtr info, IntPtr input, IntPtr output, int arity, NativeStringArgumentsRow each, Func<Exception, string> failure,
        Action? start = null, Action? end = null)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(arity, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(arity, MaxArguments);
            start?.Invoke();
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            var data = stackalloc NativeString*[MaxArguments];
            var valid = stackalloc ulong*[MaxArguments];
            for (int a = 0; a < arity; a++)
            {
                IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, a);
                data[a] = (NativeString*)Vectors.DuckDBVectorGetData(vector);
                valid[a] = Vectors.DuckDBVectorGetValidity(vector);
            }
            for (ulong row = 0; row < rows; row++)
            {
                if (AnyNull(valid, arity, row))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                string? error = each(output, row, new Arguments(data, row, arity));
                if (error is not null)
                {
                    DuneNative.ScalarSetError(info, error);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            DuneNative.ScalarSetError(info, failure(e));
        }
        finally
        {
            end?.Invoke();
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }

    private static bool AnyNull(ulong** valid, int arity, ulong row)
    {
        for (int a = 0; a < arity; a++)
        {
            if (NativeString.IsNull(valid[a], row))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The refusal of an input over <paramref name="max"/> bytes (a native call cannot be cancelled), or null.</summary>
    public static string? TooLong(string function, int length, int max) =>
        length > max ? $"{function}: the input is {length} bytes, over the limit of {max} bytes" : null;
}
