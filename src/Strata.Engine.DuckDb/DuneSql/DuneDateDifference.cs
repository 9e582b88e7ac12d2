using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>date - date</c>: both are coerced to timestamps, so the difference is an <c>interval day to second</c>
/// (<c>DATE '2024-03-01' - DATE '2024-02-01'</c> is <c>29 00:00:00.000</c>); DuckDB gives a bigint day count. These are
/// overloads of <c>dune_minus</c> (<see cref="DuneTime"/>) for a date against a date, a timestamp or a timestamp with time
/// zone (midnight UTC, the session zone, as Trino's coercion), each returning an interval of whole days and the rest in
/// microseconds. The translator writes <c>dune_minus(a, b)</c> only where an operand is surely a date
/// (<c>DuneSqlTranslator.DateDifference.cs</c>); DuckDB's binder picks the overload.
/// </summary>
internal static unsafe class DuneDateDifference
{
    private const long MicrosPerDay = 86_400_000_000L;

    /// <summary>(left, right) operand types; a date is read as days, a timestamp of either kind as microseconds.</summary>
    private static readonly (DuckDBType Left, DuckDBType Right)[] Pairs =
    [
        (DuckDBType.Date, DuckDBType.Date), (DuckDBType.Date, DuckDBType.Timestamp), (DuckDBType.Timestamp, DuckDBType.Date),
        (DuckDBType.Date, DuckDBType.TimestampTz), (DuckDBType.TimestampTz, DuckDBType.Date),
    ];

    /// <summary>The overloads, created for the <c>dune_minus</c> function set (registered and destroyed by its owner).</summary>
    internal static List<IntPtr> Overloads()
    {
        var functions = new List<IntPtr>(Pairs.Length);
        for (int p = 0; p < Pairs.Length; p++)
        {
            IntPtr function = DuneNative.CreateScalar();
            DuneNative.ScalarName(function, "dune_minus");
            IntPtr left = DuneNative.CreateType((int)Pairs[p].Left), right = DuneNative.CreateType((int)Pairs[p].Right);
            IntPtr interval = DuneNative.CreateType((int)DuckDBType.Interval);
            DuneNative.ScalarParameter(function, left);
            DuneNative.ScalarParameter(function, right);
            DuneNative.ScalarReturn(function, interval);
            DuneNative.DestroyType(ref left);
            DuneNative.DestroyType(ref right);
            DuneNative.DestroyType(ref interval);
            DuneNative.ScalarBody(function, &Rows);
            DuneNative.ScalarExtra(function, (Pairs[p].Left == DuckDBType.Date ? 1 : 0) | (Pairs[p].Right == DuckDBType.Date ? 2 : 0), IntPtr.Zero);
            functions.Add(function);
        }
        return functions;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Interval
    {
        public int Months;
        public int Days;
        public long Micros;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Micros(void* data, ulong row, bool isDate) =>
        isDate ? checked(((int*)data)[row] * MicrosPerDay) : ((long*)data)[row];

    private static bool Infinite(void* data, ulong row, bool isDate) =>
        isDate ? ((int*)data)[row] is int.MaxValue or -int.MaxValue : ((long*)data)[row] is long.MaxValue or -long.MaxValue;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        int dates = (int)DuneNative.ScalarGetExtra(info);
        bool leftDate = (dates & 1) != 0, rightDate = (dates & 2) != 0;
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr a = DuneNative.ChunkVector(input, 0), b = DuneNative.ChunkVector(input, 1);
            void* aData = DuneNative.Data(a), bData = DuneNative.Data(b);
            ulong* aValid = DuneNative.Validity(a), bValid = DuneNative.Validity(b);
            var result = (Interval*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(aValid, row) || !DuneNative.IsValid(bValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                if (Infinite(aData, row, leftDate) || Infinite(bData, row, rightDate))
                {
                    DuneNative.ScalarSetError(info, "Out of Range Error: the difference of an infinite date or timestamp");
                    return;
                }
                long difference = checked(Micros(aData, row, leftDate) - Micros(bData, row, rightDate));
                long days = Math.DivRem(difference, MicrosPerDay, out long rest);
                result[row] = new Interval { Months = 0, Days = checked((int)days), Micros = rest };
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the difference of the dates is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "date difference failed: " + e.GetType().Name);
        }
    }
}
