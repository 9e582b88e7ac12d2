using System.Buffers;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>DuckDB's string_t (VARCHAR and BLOB vector entries): a length, then up to 12 bytes inline or a 4-byte
/// prefix and a pointer; and the row helpers native scalar functions share.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct NativeString
{
    [FieldOffset(0)] public uint Length;
    [FieldOffset(4)] public fixed byte Inline[12];
    [FieldOffset(8)] public IntPtr Pointer;

    /// <summary>The bytes, read in place (call on an entry of a vector, never on a copy).</summary>
    public readonly ReadOnlySpan<byte> Bytes
    {
        get
        {
            fixed (byte* inline = Inline)
            {
                return Length <= 12 ? new ReadOnlySpan<byte>(inline, (int)Length) : new ReadOnlySpan<byte>((byte*)Pointer, (int)Length);
            }
        }
    }

    public static bool IsNull(ulong* valid, ulong row) => valid != null && (valid[row / 64] & (1UL << (int)(row % 64))) == 0;

    public static void SetNull(IntPtr output, ulong row)
    {
        Vectors.DuckDBVectorEnsureValidityWritable(output);
        ValidityMask.DuckDBValiditySetRowValidity(Vectors.DuckDBVectorGetValidity(output), row, false);
    }

    public static void Set(IntPtr output, ulong row, ReadOnlySpan<byte> value)
    {
        fixed (byte* v = value)
        {
            Vectors.DuckDBVectorAssignStringElementLength(output, row, v, value.Length);
        }
    }

    /// <summary>Sets <paramref name="length"/> bytes that <paramref name="fill"/> writes from <paramref name="state"/> into a
    /// pooled buffer (DuckDB copies them into the vector) at <paramref name="row"/> of <paramref name="output"/>.</summary>
    public static void SetRented<TState>(IntPtr output, ulong row, int length, TState state, SpanAction<byte, TState> fill)
        where TState : allows ref struct
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            fill(buffer.AsSpan(0, length), state);
            Set(output, row, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
