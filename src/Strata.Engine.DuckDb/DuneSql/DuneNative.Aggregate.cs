using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>DuckDB's C API for aggregate functions (duckdb.h), shared by the native aggregates (<see cref="DuneInt256Sum"/>,
/// <see cref="DuneListaggBound"/>).</summary>
internal static unsafe partial class DuneNative
{
    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function")]
    internal static partial IntPtr AggregateCreate();

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function")]
    internal static partial void AggregateDestroy(ref IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void AggregateSetName(IntPtr function, string name);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_add_parameter")]
    internal static partial void AggregateAddParameter(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_return_type")]
    internal static partial void AggregateSetReturnType(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_functions")]
    internal static partial void AggregateSetFunctions(IntPtr function,
        delegate* unmanaged[Cdecl]<IntPtr, ulong> stateSize,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> init,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, void> update,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr*, ulong, void> combine,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr, ulong, ulong, void> finalize);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_extra_info")]
    internal static partial void AggregateSetExtraInfo(IntPtr function, IntPtr extra, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_get_extra_info")]
    internal static partial IntPtr AggregateGetExtraInfo(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void AggregateSetError(IntPtr info, string error);

    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr AggregateCreateSet(string name);

    [LibraryImport(Library, EntryPoint = "duckdb_add_aggregate_function_to_set")]
    internal static partial int AggregateAddToSet(IntPtr set, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_register_aggregate_function_set")]
    internal static partial int AggregateRegisterSet(IntPtr connection, IntPtr set);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function_set")]
    internal static partial void AggregateDestroySet(ref IntPtr set);
}
