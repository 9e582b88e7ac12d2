using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Registers a native scalar function (a body over DuckDB vectors) on a connection through DuckDB's C API:
/// <paramref name="arity"/> parameters of one type and a result type. A name that exists gets an overload.
/// </summary>
internal static unsafe class NativeScalarFunction
{
    public static void Register(DuckDBConnection connection, string name, DuckDBType parameter, int arity, DuckDBType result,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body)
    {
        IntPtr function = ScalarFunction.DuckDBCreateScalarFunction();
        try
        {
            ScalarFunction.DuckDBScalarFunctionSetName(function, name);
            using (var type = LogicalType.DuckDBCreateLogicalType(parameter))
            {
                for (int i = 0; i < arity; i++)
                {
                    ScalarFunction.DuckDBScalarFunctionAddParameter(function, type);
                }
            }
            using (var resultType = LogicalType.DuckDBCreateLogicalType(result))
            {
                ScalarFunction.DuckDBScalarFunctionSetReturnType(function, resultType);
            }
            ScalarFunction.DuckDBScalarFunctionSetFunction(function, body);
            if (ScalarFunction.DuckDBRegisterScalarFunction(connection.NativeConnection, function) != DuckDBState.Success)
            {
                throw new InvalidOperationException($"Could not register the function {name}.");
            }
        }
        finally
        {
            ScalarFunction.DuckDBDestroyScalarFunction(ref function);
        }
    }
}
