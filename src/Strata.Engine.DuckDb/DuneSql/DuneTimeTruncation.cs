using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Truncation of a <c>timestamp(9)</c> (DuckDB's TIMESTAMP_NS) that keeps its type, as Trino's <c>date_trunc</c> does
/// ("same as input"): DuckDB has no TIMESTAMP_NS overload of <c>time_bucket</c> or <c>date_trunc</c> and converts the
/// value to TIMESTAMP (microseconds), so <c>date_trunc('hour', ts9)</c> was typed <c>timestamp(3)</c>. Two native
/// overloads of DuckDB's own names (an exact match, so every other type keeps DuckDB's function):
/// <list type="bullet">
/// <item><c>time_bucket(INTERVAL, TIMESTAMP_NS)</c>, what a constant unit translates to, with DuckDB's rule: a bucket of
/// months counts from 2000-01-01, any other bucket from Monday 2000-01-03 00:00; a bucket mixing months and days or time
/// fails as DuckDB's does.</item>
/// <item><c>date_trunc(VARCHAR, TIMESTAMP_NS)</c>, a unit per row: Trino's units (millisecond … year) as the same
/// buckets; any other fails with Trino's message.</item>
/// </list>
/// Every unit is at least a millisecond, so the value is exact; only its type was lost.
/// </summary>
public static unsafe class DuneTimeTruncation
{
    private const long NanosPerMicro = 1000L, NanosPerDay = 86_400_000_000_000L;

    /// <summary>Monday 2000-01-03 00:00 UTC in nanoseconds since the epoch: DuckDB's origin of day and time buckets.</summary>
    private const long Origin = 946_857_600_000_000_000L;

    private enum Form : byte { Bucket, Unit }

    /// <summary>Trino's date_trunc units as buckets (months, nanoseconds).</summary>
    private static readonly Dictionary<string, (int Months, long Nanos)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["millisecond"] = (0, 1_000_000L), ["second"] = (0, 1_000_000_000L), ["minute"] = (0, 60_000_000_000L),
        ["hour"] = (0, 3_600_000_000_000L), ["day"] = (0, NanosPerDay), ["week"] = (0, 7 * NanosPerDay),
        ["month"] = (1, 0), ["quarter"] = (3, 0), ["year"] = (12, 0),
    };

    /// <summary>Whether a translated text may truncate a timestamp (the sandbox registers the overloads only then).</summary>
    public static bool UsedBy(string translatedSql) => translatedSql.Contains("time_bucket(", StringComparison.OrdinalIgnoreCase)
        || translatedSql.Contains("date_trunc(", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the two overloads to the function sets about to be registered.</summary>
    internal static void AddOverloads(Dictionary<string, List<IntPtr>> pending)
    {
        foreach (var (name, first, form) in new[] { ("time_bucket", DuckDBType.Interval, Form.Bucket), ("date_trunc", DuckDBType.Varchar, Form.Unit) })
        {
            IntPtr function = DuneNative.CreateScalar();
            if (!pending.TryGetValue(name, out var list))
            {
                pending[name] = list = [];
            }
            list.Add(function);
            DuneNative.ScalarName(function, name);
            IntPtr unit = DuneNative.CreateType((int)first), nanos = DuneNative.CreateType((int)DuckDBType.TimestampNs);
            DuneNative.ScalarParameter(function, unit);
            DuneNative.ScalarParameter(function, nanos);
            DuneNative.ScalarReturn(function, nanos);
            DuneNative.DestroyType(ref unit);
            DuneNative.DestroyType(ref nanos);
            DuneNative.ScalarBody(function, &Rows);
            DuneNative.ScalarExtra(function, (IntPtr)form, IntPtr.Zero);
        }
    }

    private sealed class TruncationException(string message) : Exception(message);

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        var form = (Form)(int)DuneNative.ScalarGetExtra(info);
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr a = DuneNative.ChunkVector(input, 0), b = DuneNative.ChunkVector(input, 1);
            void* aData = DuneNative.Data(a);
            var values = (long*)DuneNative.Data(b);
            ulong* aValid = DuneNative.Validity(a), bValid = DuneNative.Validity(b);
            var result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(aValid, row) || !DuneNative.IsValid(bValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                var (months, nanos) = form == Form.Bucket ? Bucket(((DuneTime.Interval*)aData)[row]) : Unit(((NativeString*)aData)[row].Bytes);
                result[row] = Truncate(values[row], months, nanos);
            }
        }
        catch (TruncationException e)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, e.Message);
        }
        catch (OverflowException)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, "Out of Range Error: the truncated timestamp is out of range");
        }
        catch (Exception e)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, "date_trunc failed: " + e.GetType().Name);
        }
    }

    /// <summary>An interval as a bucket, as DuckDB's time_bucket takes it.</summary>
    private static (int Months, long Nanos) Bucket(DuneTime.Interval width)
    {
        if (width.Months != 0 && (width.Days != 0 || width.Micros != 0))
        {
            throw new TruncationException("Not implemented Error: Month intervals cannot have day or time component");
        }
        long nanos = width.Months != 0 ? 0 : checked((width.Days * (NanosPerDay / NanosPerMicro) + width.Micros) * NanosPerMicro);
        if (width.Months < 0 || nanos < 0 || (width.Months == 0 && nanos == 0))
        {
            throw new TruncationException("Out of Range Error: Period must be greater than 0");
        }
        return (width.Months, nanos);
    }

    private static (int Months, long Nanos) Unit(ReadOnlySpan<byte> text)
    {
        string unit = Encoding.UTF8.GetString(text);
        return Units.TryGetValue(unit.Trim(), out var bucket) ? bucket
            : throw new TruncationException($"'{unit}' is not a valid Timestamp field");
    }

    /// <summary>Nanoseconds since the epoch truncated to a bucket of months (from 2000-01) or of nanoseconds (from
    /// <see cref="Origin"/>); an infinity stays itself.</summary>
    internal static long Truncate(long value, int months, long nanos)
    {
        if (value is long.MaxValue or -long.MaxValue)
        {
            return value;
        }
        if (months == 0)
        {
            Int128 offset = (Int128)value - Origin;
            Int128 bucket = offset / nanos;
            if (offset < 0 && offset % nanos != 0)
            {
                bucket--;
            }
            return checked((long)(bucket * nanos + Origin));
        }
        long day = Math.DivRem(value, NanosPerDay, out long timeOfDay);
        if (timeOfDay < 0)
        {
            day--;
        }
        var (year, month, _) = DuneTime.Civil(day);
        long index = (year - 2000) * 12 + (month - 1);
        long first = Math.DivRem(index, months, out long rest);
        if (rest < 0)
        {
            first--;
        }
        long start = first * months;
        long startYear = 2000 + Math.DivRem(start, 12L, out long startMonth);
        if (startMonth < 0)
        {
            startMonth += 12;
            startYear--;
        }
        return checked(DuneTime.DaysFromCivil(startYear, (int)startMonth + 1, 1) * NanosPerDay);
    }
}
