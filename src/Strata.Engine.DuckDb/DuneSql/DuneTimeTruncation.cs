using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Native truncations that keep the value's type, as Trino's <c>date_trunc</c> does ("same as input"):
/// <list type="bullet">
/// <item><c>time_bucket(INTERVAL, TIMESTAMP_NS)</c> and <c>date_trunc(VARCHAR, TIMESTAMP_NS)</c>: DuckDB has no
/// TIMESTAMP_NS overload and converts the value to TIMESTAMP (microseconds), so <c>date_trunc('hour', ts9)</c> was typed
/// <c>timestamp(3)</c>. Overloads of DuckDB's own names (an exact match, so every other type keeps DuckDB's function); the
/// unit per row takes Trino's units (millisecond … year) and fails on any other with Trino's message.</item>
/// <item><c>dune_time_bucket(INTERVAL, x)</c> for x a DATE, TIMESTAMP, TIMESTAMP_NS or TIMESTAMPTZ (and each zone's type,
/// <see cref="DuneZones"/>), what a month, quarter or year translates to (decision 173): ICU's
/// <c>time_bucket(INTERVAL '1 month', TIMESTAMPTZ)</c> walks a calendar per row (about 10 s over prices.usd), and an
/// overload of that signature under DuckDB's name would not replace ICU's. A TIMESTAMPTZ is truncated in the session
/// zone, UTC (the prelude sets it, as Dune's), so its buckets are the TIMESTAMP's.</item>
/// <item><c>dune_trunc_unit(unit, type)</c>: a unit given per row (a column, a CASE) as the bucket
/// <c>dune_time_bucket</c> takes, for <c>date_trunc(u, x)</c> whose unit is not a literal (the translator writes
/// <c>dune_time_bucket(dune_trunc_unit(u, typeof(x)), x)</c>, so a DATE stays a DATE and a zone's value keeps its zone).
/// The unit is read as Trino's <c>date_trunc</c> reads it (lower-cased, not trimmed); a DATE takes day … year only, and
/// any other unit fails with Trino's message.</item>
/// </list>
/// Every overload buckets with DuckDB's rule: a bucket of months counts from 2000-01-01, any other bucket from Monday
/// 2000-01-03 00:00; a bucket mixing months and days or time fails as DuckDB's does; an infinity stays itself.
/// </summary>
public static unsafe class DuneTimeTruncation
{
    private const long NanosPerMicro = 1000L, NanosPerDay = 86_400_000_000_000L;

    /// <summary>The name the translator writes for a bucket of months (<see cref="DuneSqlTranslator"/>'s date_trunc).</summary>
    public const string MonthsFunction = "dune_time_bucket";

    /// <summary>The name the translator writes for a unit read per row.</summary>
    public const string UnitFunction = "dune_trunc_unit";

    /// <summary>Monday 2000-01-03 00:00 UTC in nanoseconds since the epoch: DuckDB's origin of day and time buckets.</summary>
    private const long Origin = 946_857_600_000_000_000L;

    private enum Form : byte { Bucket, Unit }

    /// <summary>What a value is to Trino's date_trunc: a DATE takes day … year, a TIME and a TIME WITH TIME ZONE millisecond
    /// … hour, a timestamp all.</summary>
    private enum ValueKind : byte { Timestamp, Date, Time, ZonedTime }

    /// <summary>DuckDB's TIME WITH TIME ZONE: the local time's microseconds in the high 40 bits, the offset below.</summary>
    private const int ZonedTimeOffsetBits = 24;

    /// <summary>The value types a truncation takes: how many nanoseconds one unit of the stored value is (a TIME is
    /// microseconds since midnight, truncated as a timestamp of 1970-01-01 is: every sub-day bucket starts at midnight).</summary>
    private static readonly (DuckDBType Type, long UnitNanos, ValueKind Kind)[] ValueTypes =
    [
        (DuckDBType.Date, NanosPerDay, ValueKind.Date), (DuckDBType.Timestamp, NanosPerMicro, ValueKind.Timestamp),
        (DuckDBType.TimestampNs, 1, ValueKind.Timestamp), (DuckDBType.TimestampTz, NanosPerMicro, ValueKind.Timestamp),
        (DuckDBType.Time, NanosPerMicro, ValueKind.Time), (DuckDBType.TimeTz, NanosPerMicro, ValueKind.ZonedTime),
    ];

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

    /// <summary>Adds the overloads to the function sets about to be registered.</summary>
    internal static void AddOverloads(Dictionary<string, List<IntPtr>> pending)
    {
        Add(pending, "time_bucket", DuckDBType.Interval, DuckDBType.TimestampNs, Form.Bucket, 1, ValueKind.Timestamp);
        Add(pending, "date_trunc", DuckDBType.Varchar, DuckDBType.TimestampNs, Form.Unit, 1, ValueKind.Timestamp);
        foreach (var (type, unitNanos, kind) in ValueTypes)
        {
            Add(pending, MonthsFunction, DuckDBType.Interval, type, Form.Bucket, unitNanos, kind);
        }
        IntPtr function = DuneNative.CreateScalar();
        pending[UnitFunction] = [function];
        DuneNative.ScalarName(function, UnitFunction);
        IntPtr text = DuneNative.CreateType((int)DuckDBType.Varchar), interval = DuneNative.CreateType((int)DuckDBType.Interval);
        DuneNative.ScalarParameter(function, text);
        DuneNative.ScalarParameter(function, text);
        DuneNative.ScalarReturn(function, interval);
        DuneNative.DestroyType(ref text);
        DuneNative.DestroyType(ref interval);
        DuneNative.ScalarBody(function, &UnitRows);
    }

    private static void Add(Dictionary<string, List<IntPtr>> pending, string name, DuckDBType first, DuckDBType value, Form form, long unitNanos, ValueKind kind)
    {
        IntPtr function = DuneNative.CreateScalar();
        if (!pending.TryGetValue(name, out var list))
        {
            pending[name] = list = [];
        }
        list.Add(function);
        DuneNative.ScalarName(function, name);
        IntPtr unit = DuneNative.CreateType((int)first), values = DuneNative.CreateType((int)value);
        DuneNative.ScalarParameter(function, unit);
        DuneNative.ScalarParameter(function, values);
        DuneNative.ScalarReturn(function, values);
        DuneNative.DestroyType(ref unit);
        DuneNative.DestroyType(ref values);
        DuneNative.ScalarBody(function, value == DuckDBType.Date ? &DateRows : &Rows);
        DuneNative.ScalarExtra(function, (IntPtr)((long)form + ((long)kind << 4) + (unitNanos << 8)), IntPtr.Zero);
    }

    private sealed class TruncationException(string message) : Exception(message);

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) => Truncations(info, input, output, date: false);

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void DateRows(IntPtr info, IntPtr input, IntPtr output) => Truncations(info, input, output, date: true);

    /// <summary>One chunk: a DATE's values are days (int), a timestamp's micro- or nanoseconds (long). A constant bucket
    /// (what the translator writes) is read once.</summary>
    private static void Truncations(IntPtr info, IntPtr input, IntPtr output, bool date)
    {
        long extra = (long)DuneNative.ScalarGetExtra(info);
        var form = (Form)(extra & 0xf);
        var kind = (ValueKind)((extra >> 4) & 0xf);
        long unitNanos = extra >> 8;
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 2, out ulong rows);
            void* aData = DuneNative.Data(DuneNative.ChunkVector(input, 0)), values = DuneNative.Data(DuneNative.ChunkVector(input, 1));
            void* result = DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                var (months, nanos) = form == Form.Bucket ? Bucket(((DuneTime.Interval*)aData)[row], kind) : Unit(((NativeString*)aData)[row].Bytes);
                if (date)
                {
                    int day = ((int*)values)[row];
                    ((int*)result)[row] = day is int.MaxValue or -int.MaxValue ? day : checked((int)Truncate(day, unitNanos, months, nanos));
                }
                else if (kind == ValueKind.ZonedTime)
                {
                    // Trino truncates the local time and keeps the offset (timetz DateTrunc).
                    ulong bits = ((ulong*)values)[row];
                    long local = Truncate((long)(bits >> ZonedTimeOffsetBits), unitNanos, months, nanos);
                    ((ulong*)result)[row] = ((ulong)local << ZonedTimeOffsetBits) | (bits & ((1UL << ZonedTimeOffsetBits) - 1));
                }
                else
                {
                    ((long*)result)[row] = Truncate(((long*)values)[row], unitNanos, months, nanos);
                }
            }
        }
        catch (TruncationException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the truncated timestamp is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "date_trunc failed: " + e.GetType().Name);
        }
    }

    /// <summary>One chunk of <c>dune_trunc_unit(unit, type)</c>: each unit as the bucket the translator's constant units
    /// are (a day and a week in hours, decision 165), or Trino's failure naming the unit lower-cased.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void UnitRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 2, out ulong rows);
            var units = (NativeString*)DuneNative.Data(DuneNative.ChunkVector(input, 0));
            var types = (NativeString*)DuneNative.Data(DuneNative.ChunkVector(input, 1));
            var result = (DuneTime.Interval*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (DuneNative.IsValid(valid, row))
                {
                    var type = types[row].Bytes;
                    result[row] = UnitInterval(units[row].Bytes, type.SequenceEqual("DATE"u8) ? ValueKind.Date
                        : type.SequenceEqual("TIME"u8) ? ValueKind.Time : type.SequenceEqual("TIME WITH TIME ZONE"u8) ? ValueKind.ZonedTime
                        : ValueKind.Timestamp);
                }
            }
        }
        catch (TruncationException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "date_trunc failed: " + e.GetType().Name);
        }
    }

    /// <summary>Trino's date_trunc units: each one's bucket (a day and a week in hours, decision 165) as the translator
    /// writes it for a constant unit (Text) and as <c>dune_trunc_unit</c> gives it per row, and whether a DATE takes it.</summary>
    internal static readonly (string Name, string Text, DuneTime.Interval Bucket, bool OfDate)[] TruncUnits =
    [
        ("millisecond", "1 millisecond", new() { Micros = 1_000L }, false), ("second", "1 second", new() { Micros = 1_000_000L }, false),
        ("minute", "1 minute", new() { Micros = 60_000_000L }, false), ("hour", "1 hour", new() { Micros = 3_600_000_000L }, false),
        ("day", "24 hours", new() { Micros = 24 * 3_600_000_000L }, true), ("week", "168 hours", new() { Micros = 168 * 3_600_000_000L }, true),
        ("month", "1 month", new() { Months = 1 }, true), ("quarter", "3 months", new() { Months = 3 }, true), ("year", "1 year", new() { Months = 12 }, true),
    ];

    /// <summary>Trino's unit (in any case: Trino lower-cases it, and does not trim it) as a bucket.</summary>
    private static DuneTime.Interval UnitInterval(ReadOnlySpan<byte> unit, ValueKind kind)
    {
        foreach (var (name, _, bucket, ofDate) in TruncUnits)
        {
            if (Takes(kind, ofDate) && Ascii.EqualsIgnoreCase(unit, name))
            {
                return bucket;
            }
        }
        throw NotAField(Encoding.UTF8.GetString(unit).ToLowerInvariant(), kind);
    }

    /// <summary>Whether a value of this kind takes a unit (Trino's DateTimeFunctions.getDateField and time's DateTrunc:
    /// a DATE day … year, a TIME millisecond … hour, a timestamp every unit).</summary>
    private static bool Takes(ValueKind kind, bool dayOrLonger) => kind switch
    {
        ValueKind.Date => dayOrLonger,
        ValueKind.Time or ValueKind.ZonedTime => !dayOrLonger,
        _ => true,
    };

    /// <summary>Trino's failure for a unit the value's type does not take.</summary>
    private static TruncationException NotAField(string unit, ValueKind kind) => new(kind switch
    {
        ValueKind.Date => $"'{unit}' is not a valid DATE field",
        ValueKind.Time => $"'{unit}' is not a valid TIME field",
        // Trino's time with time zone's DateTrunc spells it so.
        ValueKind.ZonedTime => $"'{unit}' is not a valid Time field",
        _ => $"'{unit}' is not a valid Timestamp field",
    });

    /// <summary>An interval as a bucket, as DuckDB's time_bucket takes it. A translated date_trunc's bucket is one of
    /// <see cref="TruncUnits"/>: one a DATE or a TIME does not take fails with Trino's words naming the unit.</summary>
    private static (int Months, long Nanos) Bucket(DuneTime.Interval width, ValueKind kind)
    {
        if (kind != ValueKind.Timestamp)
        {
            foreach (var (name, _, bucket, dayOrLonger) in TruncUnits)
            {
                if (bucket.Months == width.Months && bucket.Days == width.Days && bucket.Micros == width.Micros && !Takes(kind, dayOrLonger))
                {
                    throw NotAField(name, kind);
                }
            }
        }
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

    /// <summary>A value (<paramref name="unitNanos"/> nanoseconds a unit since the epoch) truncated to a bucket of months
    /// (from 2000-01) or of nanoseconds (from <see cref="Origin"/>); an infinity stays itself.</summary>
    internal static long Truncate(long value, long unitNanos, int months, long nanos)
    {
        if (value is long.MaxValue or -long.MaxValue)
        {
            return value;
        }
        if (months == 0)
        {
            Int128 bucketStart = Floor((Int128)value * unitNanos - Origin, nanos) * nanos + Origin;
            return checked((long)Floor(bucketStart, unitNanos));
        }
        long perDay = NanosPerDay / unitNanos;
        var (year, month, _) = DuneTime.Civil((long)Floor(value, perDay));
        long index = (year - 2000) * 12 + (month - 1);
        long start = (long)Floor(index, months) * months;
        long startYear = 2000 + (long)Floor(start, 12);
        int startMonth = (int)(start - (startYear - 2000) * 12) + 1;
        return checked(DuneTime.DaysFromCivil(startYear, startMonth, 1) * perDay);
    }

    /// <summary>The quotient rounded down (toward negative infinity).</summary>
    private static Int128 Floor(Int128 value, long divisor)
    {
        Int128 quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
