using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Dune's <c>try_sum(uint256) → uint256</c> (aggregate.mdx: "or null if an addition overflow occurred"), and the same
/// over int256, as a native aggregate. The state is a 320-bit two's complement accumulator (no sum of 2^64 values of
/// 256 bits can pass it); the result is checked against the argument's type when the group is finished. (DuckDB refuses
/// an aggregate overload of a built-in name through the C API, so <c>sum</c> itself stays DuckDB's <c>sum(BIGNUM)</c>.)
/// </summary>
internal static unsafe class DuneInt256Sum
{
    private const int AccumulatorBytes = 40;
    private const int StateBytes = 48; // accumulator, then a byte: 1 once a non-NULL value was added

    /// <summary>try_sum over uint256 (extra info 1) and over int256 (2): its result has the argument's type.</summary>
    public static void Register(DuckDBConnection connection)
    {
        IntPtr uint256 = DuneNative.Type(DuneNative.TypeBignum, DuneInt256Types.Uint256), int256 = DuneNative.Type(DuneNative.TypeBignum, DuneInt256Types.Int256);
        DuneNative.RegisterAggregate(connection.NativeConnection.DangerousGetHandle(), "try_sum",
            [new([uint256], uint256, Unsigned), new([int256], int256, Signed)], &StateSize, &Init, &Update, &Combine, &Finalize);
    }

    private const nint Unsigned = 1, Signed = 2;

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
            DuneNative.AggregateSetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }

    private static BigInteger Read(IntPtr state) => new(new ReadOnlySpan<byte>((void*)state, AccumulatorBytes), isUnsigned: false, isBigEndian: false);

    private static void Write(IntPtr state, BigInteger value)
    {
        var target = new Span<byte>((void*)state, AccumulatorBytes);
        target.Fill(value.Sign < 0 ? (byte)0xff : (byte)0);
        value.TryWriteBytes(target, out _, isUnsigned: false, isBigEndian: false);
        ((byte*)state)[AccumulatorBytes] = 1;
    }

    private static bool HasValue(IntPtr state) => ((byte*)state)[AccumulatorBytes] != 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, IntPtr* states)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr vector = DuneNative.ChunkVector(input, 0);
            void* data = DuneNative.Data(vector);
            ulong* valid = DuneNative.Validity(vector);
            for (ulong row = 0; row < rows; row++)
            {
                if (DuneNative.IsValid(valid, row))
                {
                    Write(states[row], Read(states[row]) + DuneNative.ReadInteger(data, DuneNative.Layout.Text, row));
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.AggregateSetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Combine(IntPtr info, IntPtr* source, IntPtr* target, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                if (HasValue(source[i]))
                {
                    Write(target[i], Read(target[i]) + Read(source[i]));
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.AggregateSetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, IntPtr* source, IntPtr result, ulong count, ulong offset)
    {
        try
        {
            bool unsigned = DuneNative.AggregateGetExtraInfo(info) == Unsigned;
            for (ulong i = 0; i < count; i++)
            {
                if (!HasValue(source[i]))
                {
                    DuneNative.SetNull(result, offset + i);
                    continue;
                }
                var sum = Read(source[i]);
                if (DuneInt256Types.Fits(sum, unsigned))
                {
                    DuneNative.WriteBignum(result, offset + i, sum);
                }
                else
                {
                    DuneNative.SetNull(result, offset + i);
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.AggregateSetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }
}
