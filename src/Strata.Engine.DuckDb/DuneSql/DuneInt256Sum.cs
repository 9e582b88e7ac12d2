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
internal static unsafe partial class DuneInt256Sum
{
    private const string Library = "duckdb";
    private const int AccumulatorBytes = 40;
    private const int StateBytes = 48; // accumulator, then a byte: 1 once a non-NULL value was added

    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function")]
    private static partial IntPtr Create();

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function")]
    private static partial void Destroy(ref IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void SetName(IntPtr function, string name);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_add_parameter")]
    private static partial void AddParameter(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_return_type")]
    private static partial void SetReturnType(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_functions")]
    private static partial void SetFunctions(IntPtr function,
        delegate* unmanaged[Cdecl]<IntPtr, ulong> stateSize,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> init,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, void> update,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr*, ulong, void> combine,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr, ulong, ulong, void> finalize);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_extra_info")]
    private static partial void SetExtraInfo(IntPtr function, IntPtr extra, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_get_extra_info")]
    private static partial IntPtr GetExtraInfo(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void SetError(IntPtr info, string error);

    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function_set", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr CreateSet(string name);

    [LibraryImport(Library, EntryPoint = "duckdb_add_aggregate_function_to_set")]
    private static partial int AddToSet(IntPtr set, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_register_aggregate_function_set")]
    private static partial int RegisterSet(IntPtr connection, IntPtr set);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function_set")]
    private static partial void DestroySet(ref IntPtr set);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr set = CreateSet("try_sum");
        try
        {
            foreach (bool unsigned in new[] { true, false })
            {
                IntPtr function = Create();
                IntPtr type = DuneNative.Type(DuneNative.TypeBignum, unsigned ? DuneInt256Types.Uint256 : DuneInt256Types.Int256);
                try
                {
                    SetName(function, "try_sum");
                    AddParameter(function, type);
                    SetReturnType(function, type);
                    SetFunctions(function, &StateSize, &Init, &Update, &Combine, &Finalize);
                    SetExtraInfo(function, unsigned ? 1 : 0, IntPtr.Zero);
                    AddToSet(set, function);
                }
                finally
                {
                    DuneNative.DestroyType(ref type);
                    Destroy(ref function);
                }
            }
            if (RegisterSet(con, set) != 0)
            {
                throw new InvalidOperationException("Could not register try_sum.");
            }
        }
        finally
        {
            DestroySet(ref set);
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
            SetError(info, "try_sum failed: " + e.GetType().Name);
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
            SetError(info, "try_sum failed: " + e.GetType().Name);
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
            SetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, IntPtr* source, IntPtr result, ulong count, ulong offset)
    {
        bool unsigned = GetExtraInfo(info) != 0;
        try
        {
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
            SetError(info, "try_sum failed: " + e.GetType().Name);
        }
    }
}
