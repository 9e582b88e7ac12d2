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

    /// <summary>Registers <paramref name="name"/>(<paramref name="parameter"/>, …) → <paramref name="result"/>: any number of
    /// arguments of the one type (DuckDB casts to it as to a fixed parameter's). A name that exists gets an overload.</summary>
    public static void RegisterVarargs(DuckDBConnection connection, string name, DuckDBType parameter, DuckDBType result,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body)
    {
        IntPtr parameterType = DuneNative.CreateType((int)parameter);
        IntPtr resultType = DuneNative.CreateType((int)result);
        IntPtr function = DuneNative.CreateScalar();
        try
        {
            DuneNative.ScalarName(function, name);
            DuneNative.ScalarVarargs(function, parameterType);
            DuneNative.ScalarReturn(function, resultType);
            DuneNative.ScalarBody(function, body);
            if (DuneNative.RegisterScalar(connection.NativeConnection.DangerousGetHandle(), function) != 0)
            {
                throw new InvalidOperationException($"Could not register {name}.");
            }
        }
        finally
        {
            DuneNative.DestroyScalar(ref function);
            DuneNative.DestroyType(ref resultType);
            DuneNative.DestroyType(ref parameterType);
        }
    }
}
