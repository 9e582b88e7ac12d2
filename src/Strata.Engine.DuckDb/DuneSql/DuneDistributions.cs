using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's cumulative distribution functions of math.md that Dune's dashboards use, as native scalar functions over
/// DOUBLE registered on each sandbox connection before its configuration is locked (as <see cref="DuneHashes"/>):
/// <c>normal_cdf(mean, sd, v)</c> = ½(1 + erf((v − mean)/(sd·√2))), <c>inverse_normal_cdf(mean, sd, p)</c> =
/// mean + sd·√2·erf⁻¹(2p − 1), <c>beta_cdf(a, b, v)</c> (the regularized incomplete beta) and
/// <c>inverse_beta_cdf(a, b, p)</c>. Computed with MathNet.Numerics; the arguments are checked in Trino's order with
/// Trino's messages (sd &gt; 0, p in (0, 1) for the normal, p and v in [0, 1] and a, b &gt; 0 for the beta).
/// </summary>
public static unsafe class DuneDistributions
{
    internal enum Kind { NormalCdf, InverseNormalCdf, BetaCdf, InverseBetaCdf }

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_normal_cdf", DuckDBType.Double, 3, DuckDBType.Double, &NormalCdfRows);
        NativeScalarFunction.Register(connection, "dune_inverse_normal_cdf", DuckDBType.Double, 3, DuckDBType.Double, &InverseNormalCdfRows);
        NativeScalarFunction.Register(connection, "dune_beta_cdf", DuckDBType.Double, 3, DuckDBType.Double, &BetaCdfRows);
        NativeScalarFunction.Register(connection, "dune_inverse_beta_cdf", DuckDBType.Double, 3, DuckDBType.Double, &InverseBetaCdfRows);
    }

    /// <summary>The DuneSQL calls: each takes three doubles (DuckDB casts integer and decimal arguments).</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        foreach (var kind in Enum.GetValues<Kind>())
        {
            yield return new((Name(kind), 3), $"dune_{Name(kind)}($1, $2, $3)");
        }
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.NormalCdf => "normal_cdf",
        Kind.InverseNormalCdf => "inverse_normal_cdf",
        Kind.BetaCdf => "beta_cdf",
        _ => "inverse_beta_cdf",
    };

    /// <summary>One value, or the query's error (Trino's message for the argument out of its domain).</summary>
    internal static (double Value, string? Error) Compute(Kind kind, double x, double y, double z)
    {
        switch (kind)
        {
            case Kind.NormalCdf:
                return !(y > 0)
                    ? (0, "normalCdf Function: standardDeviation must be > 0")
                    : (0.5 * (1 + SpecialFunctions.Erf((z - x) / (y * Math.Sqrt(2)))), null);
            case Kind.InverseNormalCdf:
                if (!(z > 0 && z < 1))
                {
                    return (0, "inverseNormalCdf Function: p must be 0 > p > 1");
                }
                return !(y > 0)
                    ? (0, "inverseNormalCdf Function: sd must be > 0")
                    : (x + y * 1.4142135623730951 * SpecialFunctions.ErfInv(2 * z - 1), null);
            case Kind.BetaCdf:
                if (!(z >= 0 && z <= 1))
                {
                    return (0, "betaCdf Function: value must be in the interval [0, 1]");
                }
                return BetaParameters("betaCdf", x, y) ?? (Beta.CDF(x, y, z), null);
            default:
                if (!(z >= 0 && z <= 1))
                {
                    return (0, "inverseBetaCdf Function: p must be in the interval [0, 1]");
                }
                // The bounds of the support at p = 0 and 1, as commons-math's inverse gives them.
                return BetaParameters("inverseBetaCdf", x, y) ?? (z == 0 ? 0 : z == 1 ? 1 : Beta.InvCDF(x, y, z), null);
        }
    }

    private static (double, string?)? BetaParameters(string function, double a, double b) =>
        !(a > 0) ? (0, $"{function} Function: a must be > 0")
        : !(b > 0) ? (0, $"{function} Function: b must be > 0")
        : null;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void NormalCdfRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.NormalCdf, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void InverseNormalCdfRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.InverseNormalCdf, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void BetaCdfRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.BetaCdf, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void InverseBetaCdfRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.InverseBetaCdf, info, input, output);

    /// <summary>The rows of a chunk: NULL in any argument gives NULL, the first error stops the chunk, and nothing escapes
    /// to native code.</summary>
    private static void Run(Kind kind, IntPtr info, IntPtr input, IntPtr output)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            var data = stackalloc double*[3];
            var valid = stackalloc ulong*[3];
            for (int a = 0; a < 3; a++)
            {
                IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, a);
                data[a] = (double*)Vectors.DuckDBVectorGetData(vector);
                valid[a] = Vectors.DuckDBVectorGetValidity(vector);
            }
            var result = (double*)Vectors.DuckDBVectorGetData(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valid[0], row) || NativeString.IsNull(valid[1], row) || NativeString.IsNull(valid[2], row))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                var (value, error) = Compute(kind, data[0][row], data[1][row], data[2][row]);
                if (error is not null)
                {
                    DuneNative.ScalarSetError(info, error);
                    return;
                }
                result[row] = value;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, $"{Name(kind)} failed: {e.GetType().Name}");
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }
}
