using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A bounded <c>||</c> (and so <c>concat</c>, which the translator writes as a chain of <c>||</c>): the answer of two
/// texts or two varbinaries holds at most <see cref="DuneValueBound.MaxBytes"/> bytes, the bound of the other string
/// builders (repeat, lpad, regexp_replace); past it the call fails naming concat and the bound before anything is built.
/// Without it a recursive CTE doubling a string, or a concatenation of large values, grew one value up to the worker's
/// memory limit (a value's bytes are not all charged to DuckDB's memory limit).
/// <para>
/// DuckDB resolves the operator <c>||</c> by name through the search path, so a temporary macro <c>"||"</c> takes its
/// place (DuckDB's own stays reachable as <c>system.main."||"</c>, which DuneSQL cannot call: qualified calls are refused,
/// decision 300). The macro has typed overloads: two texts (or a text and NULL, JSON, …) and two varbinaries go to the
/// native <c>dune_concat</c>, a plain function of its arguments that DuckDB folds when they are constants, so a constant
/// <c>'a' || 'b'</c> (the translator's own regex patterns) stays a constant (hostile32's lambda check refused to fold it);
/// anything else (lists, a text with a number, a date or a row, which DuckDB writes as text) is DuckDB's own operator, its
/// answer checked by a lambda when it is a text (a list is not); its refusal is marked as Strata's own words
/// (<see cref="DuneErrorCalls"/>). Each operand appears once in each overload: a chain of n
/// operators is n macro expansions, not a tree that doubles with each.
/// </para>
/// Registered for a text that holds <c>||</c>.
/// </summary>
public static unsafe class DuneConcat
{
    public const string Function = "dune_concat";

    private const string Checked = "_strata_cc";

    /// <summary>The macro that replaces DuckDB's <c>||</c>.</summary>
    internal static readonly string Macro =
        $"CREATE OR REPLACE TEMP MACRO \"||\"(a VARCHAR, b VARCHAR) AS {Function}(a, b), (a BLOB, b BLOB) AS {Function}(a, b), "
        + $"(a, b) AS list_transform([system.main.\"||\"(a, b)], {Checked} -> CASE WHEN typeof({Checked}) NOT LIKE '%]' "
        + $"AND strlen(CAST({Checked} AS VARCHAR)) > {DuneValueBound.MaxBytes} THEN error('{DuneErrorCalls.Marker}{DuneValueBound.Words("concat", Words).Replace("'", "''", StringComparison.Ordinal)}') "
        + $"ELSE {Checked} END)[1]";

    /// <summary>What the refusal says is past the bound.</summary>
    private const string Words = "the answer's size (its operands' bytes added)";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains("||", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 2, DuckDBType.Varchar, &Rows);
        NativeScalarFunction.Register(connection, Function, DuckDBType.Blob, 2, DuckDBType.Blob, &Rows);
        using var command = connection.CreateCommand();
        command.CommandText = Macro;
        command.ExecuteNonQuery();
    }

    /// <summary>The refusal of an answer of <paramref name="bytes"/> bytes, or null when it is within the bound.</summary>
    internal static string? Refusal(long bytes) => bytes > DuneValueBound.MaxBytes ? DuneValueBound.Words("concat", Words) : null;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, (output, row, left, right) =>
        {
            int length = left.Length + right.Length;
            if (Refusal((long)left.Length + right.Length) is { } refusal)
            {
                return refusal;
            }
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                left.CopyTo(buffer);
                right.CopyTo(buffer.AsSpan(left.Length));
                NativeString.Set(output, row, buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return null;
        }, e => "concat failed: " + e.GetType().Name);
}
