using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_sequence_count(start, stop[, step])</c>: how many elements Trino's <c>sequence</c> gives (SequenceFunction,
/// SequenceIntervalDayToSecond, SequenceIntervalYearToMonth), with Trino's errors: a zero step, a step that walks away from
/// stop, a date stepped by part of a day, and more than <see cref="MaxEntries"/> elements. The translator builds the
/// elements as <c>start + i * step</c> for i below the count (DuneWildFunctions), so nothing is built before the count
/// is checked. Parameters are ANY: integers (any width), dates, timestamps (with a zone too) and intervals are read from
/// their vectors; a NULL argument gives NULL.
/// </summary>
internal static unsafe class DuneSequence
{
    /// <summary>Trino's bound on a sequence's length.</summary>
    internal const int MaxEntries = 10_000;

    private const long MicrosPerDay = 86_400_000_000L;

    private const int TypeDate = (int)DuckDB.NET.Native.DuckDBType.Date, TypeTimestamp = (int)DuckDB.NET.Native.DuckDBType.Timestamp,
        TypeTimestampTz = (int)DuckDB.NET.Native.DuckDBType.TimestampTz, TypeInterval = (int)DuckDB.NET.Native.DuckDBType.Interval;

    [StructLayout(LayoutKind.Sequential)]
    private struct Interval
    {
        public int Months;
        public int Days;
        public long Micros;
    }

    public static void Register(IntPtr con, IntPtr any, IntPtr bigint)
    {
        DuneNumeric.Register(con, "dune_sequence_count", [any, any], bigint, &CountRows);
        DuneNumeric.Register(con, "dune_sequence_count", [any, any, any], bigint, &CountRows);
    }

    /// <summary>Thrown with Trino's message; becomes the function's error.</summary>
    private sealed class SequenceException(string message) : Exception(message);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CountRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            bool stepped = DuneNative.ChunkColumns(input) == 3;
            var vectors = new IntPtr[stepped ? 3 : 2];
            var ids = new int[vectors.Length];
            var valid = new IntPtr[vectors.Length];
            for (int k = 0; k < vectors.Length; k++)
            {
                vectors[k] = DuneNative.ChunkVector(input, (ulong)k);
                ids[k] = DuneNative.TypeIdOf(vectors[k]);
                valid[k] = (IntPtr)DuneNative.Validity(vectors[k]);
            }
            var result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                bool isNull = false;
                for (int k = 0; k < vectors.Length; k++)
                {
                    isNull |= !DuneNative.IsValid((ulong*)valid[k], row);
                }
                if (isNull)
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                result[row] = Count(vectors, ids, row);
            }
        }
        catch (SequenceException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            DuneNative.ScalarSetError(info, "sequence: " + e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "sequence failed: " + e.GetType().Name);
        }
    }

    private static long Count(IntPtr[] vectors, int[] ids, ulong row)
    {
        bool stepped = vectors.Length == 3;
        if (Integer(vectors[0], ids[0], row) is Int128 start && Integer(vectors[1], ids[1], row) is Int128 stop)
        {
            Int128 by = !stepped ? (stop >= start ? 1 : -1)
                : Integer(vectors[2], ids[2], row) ?? throw Unexpected(ids);
            return FixedWidth(start, stop, by);
        }
        bool dates = ids[0] == TypeDate && ids[1] == TypeDate;
        // Trino coerces a date beside a timestamp to a timestamp (midnight).
        bool timestamps = !dates && ids[0] is TypeTimestamp or TypeTimestampTz or TypeDate && ids[1] is TypeTimestamp or TypeTimestampTz or TypeDate;
        if (dates && !stepped)
        {
            int from = ((int*)DuneNative.Data(vectors[0]))[row], to = ((int*)DuneNative.Data(vectors[1]))[row];
            return FixedWidth(from, to, to >= from ? 1 : -1);
        }
        if (!stepped || !(dates || timestamps) || ids[2] != TypeInterval)
        {
            throw Unexpected(ids);
        }
        var step = ((Interval*)DuneNative.Data(vectors[2]))[row];
        if (step.Months != 0 && (step.Days != 0 || step.Micros != 0))
        {
            throw new SequenceException("sequence step must be either a year to month or a day to second interval");
        }
        long first = Micros(vectors[0], ids[0], row), last = Micros(vectors[1], ids[1], row);
        if (step.Months != 0)
        {
            CheckStep(first, last, step.Months);
            return CheckLength(MonthsBetween(first, last) / step.Months + 1);
        }
        Int128 micros = (Int128)step.Days * MicrosPerDay + step.Micros;
        if (dates && micros % MicrosPerDay != 0)
        {
            throw new SequenceException("sequence step must be a day interval if start and end values are dates");
        }
        return FixedWidth(first, last, micros);
    }

    /// <summary>A date's or timestamp's microseconds since 1970 (a date at midnight).</summary>
    private static long Micros(IntPtr vector, int id, ulong row) =>
        id == TypeDate ? ((int*)DuneNative.Data(vector))[row] * MicrosPerDay : ((long*)DuneNative.Data(vector))[row];

    /// <summary>A whole number's value, or null when the vector holds no integer type of at most 128 signed bits
    /// (a 256-bit integer is no bigint for Trino's sequence).</summary>
    private static Int128? Integer(IntPtr vector, int id, ulong row) =>
        DuneNative.IntegerLayout(id) is { } layout && layout is not (DuneNative.Layout.Text or DuneNative.Layout.UInt128)
            ? (Int128)DuneNative.ReadInteger(DuneNative.Data(vector), layout, row)
            : null;

    private static long FixedWidth(Int128 start, Int128 stop, Int128 step)
    {
        CheckStep(start, stop, step);
        return CheckLength((stop - start) / step + 1);
    }

    private static void CheckStep(Int128 start, Int128 stop, Int128 step)
    {
        if (step == 0)
        {
            throw new SequenceException("step must not be zero");
        }
        if (step > 0 ? stop < start : stop > start)
        {
            throw new SequenceException("sequence stop value should be greater than or equal to start value if step is greater "
                + "than zero otherwise stop should be less than or equal to start");
        }
    }

    private static long CheckLength(Int128 length) => length <= MaxEntries ? (long)length
        : throw new SequenceException(string.Create(CultureInfo.InvariantCulture, $"result of sequence function must not have more than {MaxEntries} entries"));

    /// <summary>Whole months from one instant (microseconds since 1970) to another, as Trino counts them for a month step
    /// (the day of the month clamped at the month's end, as adding months does).</summary>
    private static long MonthsBetween(long first, long last)
    {
        DateTime from = DateTime.UnixEpoch.AddTicks(first * 10), to = DateTime.UnixEpoch.AddTicks(last * 10);
        long months = (to.Year - from.Year) * 12L + to.Month - from.Month;
        if (months > 0 && from.AddMonths((int)months) > to)
        {
            months--;
        }
        else if (months < 0 && from.AddMonths((int)months) < to)
        {
            months++;
        }
        return months;
    }

    private static SequenceException Unexpected(int[] ids) =>
        new("Unexpected parameters (" + string.Join(", ", ids.Select(Name)) + ") for function sequence");

    private static string Name(int id) => id switch
    {
        DuneNative.TypeTinyInt => "tinyint",
        DuneNative.TypeSmallInt => "smallint",
        DuneNative.TypeInteger => "integer",
        DuneNative.TypeBigInt or DuneNative.TypeHugeInt => "bigint",
        DuneNative.TypeDouble => "double",
        DuneNative.TypeFloat => "real",
        DuneNative.TypeVarchar => "varchar",
        DuneNative.TypeBlob => "varbinary",
        TypeDate => "date",
        TypeTimestamp => "timestamp(3)",
        TypeTimestampTz => "timestamp(3) with time zone",
        TypeInterval => "interval",
        _ => ((DuckDB.NET.Native.DuckDBType)id).ToString().ToLowerInvariant(),
    };
}
