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

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_destructor")]
    internal static partial void AggregateSetDestructor(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr*, ulong, void> destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_extra_info")]
    internal static partial void AggregateSetExtraInfo(IntPtr function, IntPtr extra, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_get_extra_info")]
    internal static partial IntPtr AggregateGetExtraInfo(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr AggregateCreateSet(string name);

    [LibraryImport(Library, EntryPoint = "duckdb_add_aggregate_function_to_set")]
    internal static partial int AggregateAddToSet(IntPtr set, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_register_aggregate_function_set")]
    internal static partial int AggregateRegisterSet(IntPtr connection, IntPtr set);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function_set")]
    internal static partial void AggregateDestroySet(ref IntPtr set);

    /// <summary>One overload of a native aggregate: its parameters' and result's logical types, and the extra info its
    /// callbacks read (<see cref="AggregateGetExtraInfo"/>).</summary>
    internal readonly record struct AggregateOverload(IntPtr[] Parameters, IntPtr Result, IntPtr ExtraInfo);

    /// <summary>What frees a state that holds something beyond its bytes (<see cref="AggregateSetDestructor"/>), and what
    /// frees the overloads' extra info when DuckDB drops the function.</summary>
    internal readonly struct AggregateCleanup(delegate* unmanaged[Cdecl]<IntPtr*, ulong, void> states,
        delegate* unmanaged[Cdecl]<IntPtr, void> extraInfo)
    {
        public delegate* unmanaged[Cdecl]<IntPtr*, ulong, void> States { get; } = states;

        public delegate* unmanaged[Cdecl]<IntPtr, void> ExtraInfo { get; } = extraInfo;
    }

    /// <summary>Registers the aggregate <paramref name="name"/> on <paramref name="connection"/> with one overload per
    /// entry, each with the same callbacks; the overloads' types are destroyed once registered (or not).</summary>
    internal static void RegisterAggregate(IntPtr connection, string name, IReadOnlyList<AggregateOverload> overloads,
        delegate* unmanaged[Cdecl]<IntPtr, ulong> stateSize,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> init,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, void> update,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr*, ulong, void> combine,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr, ulong, ulong, void> finalize,
        AggregateCleanup cleanup = default)
    {
        IntPtr set = AggregateCreateSet(name);
        try
        {
            foreach (var overload in overloads)
            {
                IntPtr function = AggregateCreate();
                try
                {
                    AggregateSetName(function, name);
                    foreach (IntPtr parameter in overload.Parameters)
                    {
                        AggregateAddParameter(function, parameter);
                    }
                    AggregateSetReturnType(function, overload.Result);
                    AggregateSetFunctions(function, stateSize, init, update, combine, finalize);
                    if (cleanup.States != null)
                    {
                        AggregateSetDestructor(function, cleanup.States);
                    }
                    if (overload.ExtraInfo != IntPtr.Zero)
                    {
                        AggregateSetExtraInfo(function, overload.ExtraInfo, (IntPtr)cleanup.ExtraInfo);
                    }
                    AggregateAddToSet(set, function);
                }
                finally
                {
                    AggregateDestroy(ref function);
                }
            }
            if (AggregateRegisterSet(connection, set) != 0)
            {
                throw new InvalidOperationException($"Could not register {name}.");
            }
        }
        finally
        {
            AggregateDestroySet(ref set);
            foreach (IntPtr type in overloads.SelectMany(o => o.Parameters.Append(o.Result)).Distinct().ToArray())
            {
                IntPtr owned = type;
                DestroyType(ref owned);
            }
        }
    }
}
