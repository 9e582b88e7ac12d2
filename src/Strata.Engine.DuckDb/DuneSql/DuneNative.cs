using System.Numerics;
using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The parts of DuckDB's C API that DuckDB.NET does not wrap (type aliases, registered types, cast functions,
/// per-function extra info), and reading/writing DuckDB vectors of the types the uint256/int256 functions take.
/// Everything here runs on DuckDB's threads inside a native call: no exception may escape a caller of it.
/// </summary>
internal static unsafe partial class DuneNative
{
    private const string Library = "duckdb";

    // duckdb_type values (duckdb.h), as DuckDB.NET numbers them.
    internal const int TypeTinyInt = (int)DuckDB.NET.Native.DuckDBType.TinyInt, TypeSmallInt = (int)DuckDB.NET.Native.DuckDBType.SmallInt,
        TypeInteger = (int)DuckDB.NET.Native.DuckDBType.Integer, TypeBigInt = (int)DuckDB.NET.Native.DuckDBType.BigInt,
        TypeUTinyInt = (int)DuckDB.NET.Native.DuckDBType.UnsignedTinyInt, TypeUSmallInt = (int)DuckDB.NET.Native.DuckDBType.UnsignedSmallInt,
        TypeUInteger = (int)DuckDB.NET.Native.DuckDBType.UnsignedInteger, TypeUBigInt = (int)DuckDB.NET.Native.DuckDBType.UnsignedBigInt,
        TypeFloat = (int)DuckDB.NET.Native.DuckDBType.Float, TypeDouble = (int)DuckDB.NET.Native.DuckDBType.Double,
        TypeVarchar = (int)DuckDB.NET.Native.DuckDBType.Varchar, TypeBlob = (int)DuckDB.NET.Native.DuckDBType.Blob,
        TypeHugeInt = (int)DuckDB.NET.Native.DuckDBType.HugeInt, TypeUHugeInt = (int)DuckDB.NET.Native.DuckDBType.UnsignedHugeInt,
        TypeBignum = (int)DuckDB.NET.Native.DuckDBType.VarInt;

    [LibraryImport(Library, EntryPoint = "duckdb_create_logical_type")]
    internal static partial IntPtr CreateType(int type);

    [LibraryImport(Library, EntryPoint = "duckdb_create_decimal_type")]
    internal static partial IntPtr CreateDecimalType(byte width, byte scale);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyType(ref IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_logical_type_set_alias", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void SetAlias(IntPtr type, string alias);

    [LibraryImport(Library, EntryPoint = "duckdb_register_logical_type")]
    internal static partial int RegisterType(IntPtr connection, IntPtr type, IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_create_cast_function")]
    internal static partial IntPtr CreateCast();

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_source_type")]
    internal static partial void CastSource(IntPtr cast, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_target_type")]
    internal static partial void CastTarget(IntPtr cast, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_implicit_cast_cost")]
    internal static partial void CastCost(IntPtr cast, long cost);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_function")]
    internal static partial void CastBody(IntPtr cast, delegate* unmanaged[Cdecl]<IntPtr, ulong, IntPtr, IntPtr, byte> body);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_extra_info")]
    internal static partial void CastExtra(IntPtr cast, IntPtr extra, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_get_extra_info")]
    internal static partial IntPtr CastGetExtra(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_get_cast_mode")]
    internal static partial int CastMode(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void CastRawError(IntPtr info, string error);

    [LibraryImport(Library, EntryPoint = "duckdb_cast_function_set_row_error", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void CastRawRowError(IntPtr info, string error, ulong row, IntPtr output);

    [LibraryImport(Library, EntryPoint = "duckdb_register_cast_function")]
    internal static partial int RegisterCast(IntPtr connection, IntPtr cast);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_cast_function")]
    internal static partial void DestroyCast(ref IntPtr cast);

    [LibraryImport(Library, EntryPoint = "duckdb_create_scalar_function")]
    internal static partial IntPtr CreateScalar();

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ScalarName(IntPtr function, string name);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_add_parameter")]
    internal static partial void ScalarParameter(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_return_type")]
    internal static partial void ScalarReturn(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_function")]
    internal static partial void ScalarBody(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body);

    /// <summary>The function sees NULL arguments (DuckDB otherwise folds a call with a constant NULL argument to NULL).</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_special_handling")]
    internal static partial void ScalarSpecialNulls(IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_extra_info")]
    internal static partial void ScalarExtra(IntPtr function, IntPtr extra, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_get_extra_info")]
    internal static partial IntPtr ScalarGetExtra(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_register_scalar_function")]
    internal static partial int RegisterScalar(IntPtr connection, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_scalar_function")]
    internal static partial void DestroyScalar(ref IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_create_scalar_function_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr CreateScalarSet(string name);

    [LibraryImport(Library, EntryPoint = "duckdb_add_scalar_function_to_set")]
    internal static partial int AddToScalarSet(IntPtr set, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_register_scalar_function_set")]
    internal static partial int RegisterScalarSet(IntPtr connection, IntPtr set);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_scalar_function_set")]
    internal static partial void DestroyScalarSet(ref IntPtr set);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_column_type")]
    internal static partial IntPtr ColumnType(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_get_type_id")]
    internal static partial int TypeId(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial int DecimalInternalType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    internal static partial void* Data(IntPtr vector);

    /// <summary>DUCKDB_TYPE_LIST and DUCKDB_TYPE_MAP (a map is a list of entries in memory too).</summary>
    internal const int TypeList = 24, TypeMap = 26;

    [LibraryImport(Library, EntryPoint = "duckdb_create_list_type")]
    internal static partial IntPtr CreateListType(IntPtr element);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_get_child")]
    internal static partial IntPtr ListChild(IntPtr vector);

    /// <summary>Makes room in a LIST vector's child for <paramref name="capacity"/> elements (its data may move).</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_reserve")]
    internal static partial int ListReserve(IntPtr vector, ulong capacity);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_get_size")]
    internal static partial ulong ListSize(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_set_size")]
    internal static partial int ListSetSize(IntPtr vector, ulong size);

    /// <summary>One row of a LIST (or MAP) vector's data: where its elements start in the child vector, and how many.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ListEntry
    {
        public ulong Offset;
        public ulong Length;
    }

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    internal static partial ulong* Validity(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    private static partial void EnsureValidityWritable(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_assign_string_element_len")]
    private static partial void AssignString(IntPtr vector, ulong index, byte* data, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_size")]
    internal static partial ulong ChunkSize(IntPtr chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    internal static partial IntPtr ChunkVector(IntPtr chunk, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_column_count")]
    internal static partial ulong ChunkColumns(IntPtr chunk);

    /// <summary>The type id of a vector's column type.</summary>
    internal static int TypeIdOf(IntPtr vector)
    {
        IntPtr type = ColumnType(vector);
        int id = TypeId(type);
        DestroyType(ref type);
        return id;
    }

    internal static bool IsValid(ulong* validity, ulong row) => validity == null || (validity[row / 64] & (1UL << (int)(row % 64))) != 0;

    internal static void SetNull(IntPtr vector, ulong row)
    {
        EnsureValidityWritable(vector);
        ulong* validity = Validity(vector);
        validity[row / 64] &= ~(1UL << (int)(row % 64));
    }

    /// <summary>Writes a text at <paramref name="row"/> of a VARCHAR vector, or NULL for null.</summary>
    internal static void SetText(IntPtr vector, ulong row, string? value)
    {
        if (value is null)
        {
            SetNull(vector, row);
        }
        else
        {
            NativeString.Set(vector, row, System.Text.Encoding.UTF8.GetBytes(value));
        }
    }

    /// <summary>Marks the first <paramref name="rows"/> rows of an output vector NULL, a word at a time.</summary>
    internal static void SetAllNull(IntPtr vector, ulong rows)
    {
        EnsureValidityWritable(vector);
        ulong* validity = Validity(vector);
        for (ulong word = 0; word < (rows + 63) / 64; word++)
        {
            validity[word] = 0;
        }
    }

    /// <summary>DuckDB's delete callback of an extra info that is a <see cref="GCHandle"/> (freed with the function).</summary>
    internal static IntPtr FreeHandle => (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, void>)&FreeHandleOf;

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void FreeHandleOf(IntPtr extra)
    {
        try
        {
            GCHandle.FromIntPtr(extra).Free();
        }
        catch (Exception)
        {
            // Nothing may escape to DuckDB; a handle that cannot be freed is one object kept.
        }
    }

    /// <summary>Registers the scalar function <paramref name="name"/> with the given parameter and result types (logical types
    /// the caller owns) and <paramref name="body"/>; throws when DuckDB refuses it.</summary>
    internal static void RegisterScalar(IntPtr connection, string name, IntPtr[] parameters, IntPtr result,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body, IntPtr extra = default, IntPtr destroyExtra = default)
    {
        IntPtr function = CreateScalar();
        try
        {
            ScalarName(function, name);
            foreach (var parameter in parameters)
            {
                ScalarParameter(function, parameter);
            }
            ScalarReturn(function, result);
            ScalarBody(function, body);
            if (extra != IntPtr.Zero)
            {
                ScalarExtra(function, extra, destroyExtra);
            }
            if (RegisterScalar(connection, function) != 0)
            {
                throw new InvalidOperationException($"Could not register {name}.");
            }
        }
        finally
        {
            DestroyScalar(ref function);
        }
    }

    /// <summary>A logical type: <paramref name="type"/> (a duckdb_type), or BIGNUM named by <paramref name="alias"/>.</summary>
    internal static IntPtr Type(int type, string? alias = null)
    {
        IntPtr handle = CreateType(type);
        if (alias != null)
        {
            SetAlias(handle, alias);
        }
        return handle;
    }

    /// <summary>Registers a cast from <paramref name="from"/> to <paramref name="to"/> (logical types this call owns and
    /// destroys, as it does the cast) with <paramref name="body"/> and <paramref name="extra"/>; throws naming
    /// <paramref name="what"/> when DuckDB refuses it.</summary>
    internal static void RegisterCast(IntPtr connection, IntPtr from, IntPtr to, long cost,
        delegate* unmanaged[Cdecl]<IntPtr, ulong, IntPtr, IntPtr, byte> body, IntPtr extra, string what, IntPtr destroyExtra = default)
    {
        IntPtr cast = CreateCast();
        try
        {
            CastSource(cast, from);
            CastTarget(cast, to);
            CastCost(cast, cost);
            CastBody(cast, body);
            CastExtra(cast, extra, destroyExtra);
            if (RegisterCast(connection, cast) != 0)
            {
                throw new InvalidOperationException($"Could not register {what}.");
            }
        }
        finally
        {
            DestroyType(ref from);
            DestroyType(ref to);
            DestroyCast(ref cast);
        }
    }

    /// <summary>How a vector's values are read (the physical layout of its type).</summary>
    internal enum Layout : byte { Text, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Int128, UInt128, Float, Double }

    /// <summary>The integer at <paramref name="row"/> of a vector of <paramref name="layout"/> (a BIGNUM is decoded).</summary>
    internal static BigInteger ReadInteger(void* data, Layout layout, ulong row) => layout switch
    {
        Layout.Text => DuneInt256.Decode(Bytes((DuneString*)data + row)),
        Layout.UInt64 => ((ulong*)data)[row],
        Layout.Int128 => (BigInteger)((Int128*)data)[row],
        Layout.UInt128 => (BigInteger)((UInt128*)data)[row],
        Layout.Float or Layout.Double => throw new InvalidOperationException("not an integer layout"),
        _ => ReadInt64(data, layout, row),
    };

    /// <summary>The integer at <paramref name="row"/> of a vector of an integer layout up to 64 bits (signed, or unsigned
    /// up to 32 bits): the fast path of callers that have checked the layout.</summary>
    internal static long ReadInt64(void* data, Layout layout, ulong row) => layout switch
    {
        Layout.Int8 => ((sbyte*)data)[row],
        Layout.Int16 => ((short*)data)[row],
        Layout.Int32 => ((int*)data)[row],
        Layout.Int64 => ((long*)data)[row],
        Layout.UInt8 => ((byte*)data)[row],
        Layout.UInt16 => ((ushort*)data)[row],
        Layout.UInt32 => ((uint*)data)[row],
        _ => throw new InvalidOperationException("not an integer layout of at most 64 bits"),
    };

    /// <summary>How a vector of the integer type <paramref name="typeId"/> (a duckdb_type; BIGNUM included) is read, or
    /// null for a type that is not an integer. A decimal is read by the layout of its internal type's id.</summary>
    internal static Layout? IntegerLayout(int typeId) => typeId switch
    {
        TypeTinyInt => Layout.Int8,
        TypeSmallInt => Layout.Int16,
        TypeInteger => Layout.Int32,
        TypeBigInt => Layout.Int64,
        TypeUTinyInt => Layout.UInt8,
        TypeUSmallInt => Layout.UInt16,
        TypeUInteger => Layout.UInt32,
        TypeUBigInt => Layout.UInt64,
        TypeHugeInt => Layout.Int128,
        TypeUHugeInt => Layout.UInt128,
        TypeBignum => Layout.Text,
        _ => null,
    };

    internal static double ReadDouble(void* data, Layout layout, ulong row) =>
        layout == Layout.Float ? ((float*)data)[row] : ((double*)data)[row];

    internal static string ReadText(void* data, ulong row) => System.Text.Encoding.UTF8.GetString(Bytes((DuneString*)data + row));

    /// <summary>Data bytes of the BIGNUM at <paramref name="row"/> (its length less the 3-byte header).</summary>
    internal static int BignumDataBytes(void* data, ulong row) => (int)((DuneString*)data)[row].Length - 3;

    internal static void WriteBignum(IntPtr vector, ulong row, BigInteger value)
    {
        byte[] encoded = DuneInt256.Encode(value);
        fixed (byte* bytes = encoded)
        {
            AssignString(vector, row, bytes, (ulong)encoded.Length);
        }
    }

    internal static void WriteBytes(IntPtr vector, ulong row, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
        {
            AssignString(vector, row, bytes, (ulong)value.Length);
        }
    }

    /// <summary>The bytes of a string_t in a vector (DuckDB's memory, valid during the call).</summary>
    internal static ReadOnlySpan<byte> Bytes(DuneString* s) =>
        s->Length <= 12 ? new ReadOnlySpan<byte>(s->Inline, (int)s->Length) : new ReadOnlySpan<byte>((byte*)s->Pointer, (int)s->Length);

    /// <summary>DuckDB's string_t: a length, then up to 12 bytes inline or a 4-byte prefix and a pointer.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct DuneString
    {
        [FieldOffset(0)] public uint Length;
        [FieldOffset(4)] public fixed byte Inline[12];
        [FieldOffset(8)] public IntPtr Pointer;
    }
}
