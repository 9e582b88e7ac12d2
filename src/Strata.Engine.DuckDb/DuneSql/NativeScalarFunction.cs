using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Registers a native scalar function (a body over DuckDB vectors) on a connection: <paramref name="arity"/>
/// parameters of one plain type and a plain result type, through <see cref="DuneNative.RegisterScalar(IntPtr, string, IntPtr[], IntPtr, delegate* unmanaged[Cdecl]{IntPtr, IntPtr, IntPtr, void})"/>.
/// A name that exists gets an overload.
/// </summary>
internal static unsafe class NativeScalarFunction
{
    public static void Register(DuckDBConnection connection, string name, DuckDBType parameter, int arity, DuckDBType result,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body)
    {
        IntPtr parameterType = DuneNative.CreateType((int)parameter);
        IntPtr resultType = DuneNative.CreateType((int)result);
        try
        {
            DuneNative.RegisterScalar(connection.NativeConnection.DangerousGetHandle(), name,
                Enumerable.Repeat(parameterType, arity).ToArray(), resultType, body);
        }
        finally
        {
            DuneNative.DestroyType(ref resultType);
            DuneNative.DestroyType(ref parameterType);
        }
    }
}
