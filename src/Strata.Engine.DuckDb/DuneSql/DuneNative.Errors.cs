using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The one way a native function or aggregate registered here refuses a row (hostile30). DuckDB raises the text a callback
/// sets as an "Invalid Input Error", the type of its own input errors too, so the engine could not tell Strata's words
/// (Trino's) from DuckDB's and every native refusal (chr's code point, parse_data_size's text, uint256's overflow, listagg's
/// bounds, …) reached the wire as "Invalid Input Error: …". The message is marked as the translator's <c>error()</c> calls are
/// (<see cref="DuneErrorCalls.Marker"/>), and the engine shows it alone (<see cref="TrinoErrorMessages.Worded"/>).
/// </summary>
internal static partial class DuneNative
{
    /// <summary>Fails a scalar function's call with <paramref name="message"/>, shown in its own words.</summary>
    internal static void ScalarSetError(IntPtr info, string message) =>
        DuckDB.NET.Native.NativeMethods.ScalarFunction.DuckDBScalarFunctionSetError(info, DuneErrorCalls.Marker + message);

    /// <summary>Fails an aggregate's update, combine or finalize with <paramref name="message"/>, shown in its own words.</summary>
    internal static void AggregateSetError(IntPtr info, string message) => AggregateSetRawError(info, DuneErrorCalls.Marker + message);

    /// <summary>Fails a scalar function's bind with <paramref name="message"/>, shown in its own words.</summary>
    internal static void BindError(IntPtr info, string message) => BindRawError(info, DuneErrorCalls.Marker + message);

    /// <summary>Fails a cast with <paramref name="message"/>, shown in its own words.</summary>
    internal static void CastError(IntPtr info, string message) => CastRawError(info, DuneErrorCalls.Marker + message);

    /// <summary>Fails one row of a cast (NULL under TRY_CAST) with <paramref name="message"/>, shown in its own words.</summary>
    internal static void CastRowError(IntPtr info, string message, ulong row, IntPtr output) =>
        CastRawRowError(info, DuneErrorCalls.Marker + message, row, output);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void AggregateSetRawError(IntPtr info, string error);
}
