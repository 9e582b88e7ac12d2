using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The parts of DuckDB's C API a scalar function's bind step uses (DuneSetTypes): varargs, the bind callback, its
/// arguments as expressions folded to constant values, and the bind's error.
/// </summary>
internal static unsafe partial class DuneNative
{
    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_varargs")]
    internal static partial void ScalarVarargs(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_set_bind")]
    internal static partial void ScalarBind(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> bind);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_bind_set_error", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void BindRawError(IntPtr info, string error);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_get_client_context")]
    internal static partial void BindClientContext(IntPtr info, out IntPtr context);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_client_context")]
    internal static partial void DestroyClientContext(ref IntPtr context);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_bind_get_argument_count")]
    internal static partial ulong BindArgumentCount(IntPtr info);

    [LibraryImport(Library, EntryPoint = "duckdb_scalar_function_bind_get_argument")]
    internal static partial IntPtr BindArgument(IntPtr info, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_expression_return_type")]
    internal static partial IntPtr ExpressionType(IntPtr expression);

    /// <summary>A type's alias (a string DuckDB allocates, to <see cref="Free"/>), or null.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_logical_type_get_alias")]
    internal static partial IntPtr TypeAlias(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_expression_is_foldable")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ExpressionFoldable(IntPtr expression);

    [LibraryImport(Library, EntryPoint = "duckdb_expression_fold")]
    internal static partial IntPtr ExpressionFold(IntPtr context, IntPtr expression, out IntPtr value);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_expression")]
    internal static partial void DestroyExpression(ref IntPtr expression);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_error_data")]
    internal static partial void DestroyErrorData(ref IntPtr error);

    [LibraryImport(Library, EntryPoint = "duckdb_is_null_value")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ValueIsNull(IntPtr value);

    [LibraryImport(Library, EntryPoint = "duckdb_get_varchar")]
    internal static partial IntPtr ValueVarchar(IntPtr value);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_value")]
    internal static partial void DestroyValue(ref IntPtr value);

    [LibraryImport(Library, EntryPoint = "duckdb_free")]
    internal static partial void Free(IntPtr pointer);
}
