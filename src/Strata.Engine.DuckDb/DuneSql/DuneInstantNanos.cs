using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using Strata.Core.Results;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_instant_ns(x)</c>: the other operand of a comparison with a <c>timestamp(9)</c> (DuckDB's TIMESTAMP_NS), as
/// the nanosecond timestamp Trino compares it as. Trino coerces a <c>timestamp(p)</c> compared with a <c>timestamp(q) with
/// time zone</c> to a timestamp with time zone in the session zone (UTC on Dune) and compares the instants at the larger
/// precision; a date is its midnight. DuckDB refuses TIMESTAMP_NS ordered against TIMESTAMPTZ, and against a zone's type
/// (<see cref="DuneZones"/>, preferred by DuckDB's binder as an aliased type) converts the timestamp(9) to microseconds
/// and loses its nanoseconds. The translator writes this function around the other operand where one operand is surely
/// a timestamp(9) (DuneSqlTranslator.Nanoseconds.cs), and DuckDB then compares two TIMESTAMP_NS exactly.
/// <para>Its parameter is ANY, so the argument arrives in its own type (no conversion DuckDB would choose: a zone's type
/// converts implicitly to its wall clock): a timestamp of any precision is its value (a timestamp(9) unchanged), a
/// timestamp with time zone (UTC, a zone's type, or a zone per value, also with nanoseconds, without its tag) its instant, a date its midnight
/// UTC. Any other type fails when the call binds, as Trino refuses the comparison; a value outside timestamp(9)'s range
/// (1677-09-21 to 2262-04-11) fails as DuckDB's own conversion of a timestamp to TIMESTAMP_NS does.</para>
/// </summary>
internal static unsafe class DuneInstantNanos
{
    public const string Function = "dune_instant_ns";

    private const int TypeSqlNull = 36;

    private const long NanosPerDay = 86_400_000_000_000L;

    internal enum Kind : byte { Nanos, Micros, Millis, Seconds, PerValue, PerValueNanos, Days, Null }

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>Adds the function (one overload, ANY to TIMESTAMP_NS) to the function sets about to be registered.</summary>
    internal static void AddOverload(Dictionary<string, List<IntPtr>> pending)
    {
        IntPtr function = DuneNative.CreateScalar();
        pending[Function] = [function];
        DuneNative.ScalarName(function, Function);
        IntPtr any = DuneNative.CreateType((int)DuckDBType.Any), nanos = DuneNative.CreateType((int)DuckDBType.TimestampNs);
        DuneNative.ScalarParameter(function, any);
        DuneNative.ScalarReturn(function, nanos);
        DuneNative.DestroyType(ref any);
        DuneNative.DestroyType(ref nanos);
        DuneNative.ScalarBind(function, &Bind);
        DuneNative.ScalarBody(function, &Rows);
    }

    /// <summary>How a value of a type becomes nanoseconds since the epoch, or null (with Trino's name of the type) when a
    /// timestamp(9) cannot be compared with it.</summary>
    internal static Kind? KindOf(IntPtr type, out string name)
    {
        int id = DuneNative.TypeId(type);
        string? alias = AliasOf(type);
        name = alias ?? DuckDbTypes.DuneName(((DuckDBType)id).ToString().ToUpperInvariant());
        if (alias is not null)
        {
            if (id == (int)DuckDBType.HugeInt && DuneZones.IsPerValueNanos(alias))
            {
                return Kind.PerValueNanos;
            }
            return id == (int)DuckDBType.TimestampTz && DuneZones.IsZoned(alias)
                ? (alias.Equals(DuneZones.PerValueType, StringComparison.OrdinalIgnoreCase) ? Kind.PerValue : Kind.Micros)
                : null;
        }
        return id switch
        {
            (int)DuckDBType.TimestampNs => Kind.Nanos,
            (int)DuckDBType.Timestamp or (int)DuckDBType.TimestampTz => Kind.Micros,
            (int)DuckDBType.TimestampMs => Kind.Millis,
            (int)DuckDBType.TimestampS => Kind.Seconds,
            (int)DuckDBType.Date => Kind.Days,
            TypeSqlNull => Kind.Null,
            _ => null,
        };
    }

    private static string? AliasOf(IntPtr type)
    {
        IntPtr text = DuneNative.TypeAlias(type);
        if (text == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            string alias = Marshal.PtrToStringUTF8(text) ?? "";
            return alias.Length == 0 ? null : alias;
        }
        finally
        {
            DuneNative.Free(text);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        try
        {
            BindOneComparable(info, Function, name => $"Cannot compare timestamp(9) with {name}: Trino compares a timestamp only "
                + "with a timestamp, a timestamp with time zone or a date");
        }
        catch (Exception e)
        {
            DuneNative.BindError(info, Function + " failed: " + e.GetType().Name);
        }
    }

    /// <summary>The bind of a function of one value that reads it as an instant (this one, <see cref="DuneInstantKey"/>):
    /// one argument, of a type <see cref="KindOf"/> reads, else the refusal made from Trino's name of the type. The caller's
    /// callback catches.</summary>
    internal static void BindOneComparable(IntPtr info, string function, Func<string, string> refusal)
    {
        if (DuneNative.BindArgumentCount(info) != 1)
        {
            DuneNative.BindError(info, function + " takes one value");
            return;
        }
        IntPtr argument = DuneNative.BindArgument(info, 0), type = IntPtr.Zero;
        try
        {
            type = DuneNative.ExpressionType(argument);
            if (KindOf(type, out string name) is null)
            {
                DuneNative.BindError(info, refusal(name));
            }
        }
        finally
        {
            if (type != IntPtr.Zero)
            {
                DuneNative.DestroyType(ref type);
            }
            if (argument != IntPtr.Zero)
            {
                DuneNative.DestroyExpression(ref argument);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 1, out ulong rows);
            IntPtr vector = DuneNative.ChunkVector(input, 0);
            IntPtr type = DuneNative.ColumnType(vector);
            Kind? kind;
            try
            {
                kind = KindOf(type, out _);
            }
            finally
            {
                DuneNative.DestroyType(ref type);
            }
            if (kind is null or Kind.Null)
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            void* data = DuneNative.Data(vector);
            var result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                result[row] = kind == Kind.Days ? FromDays(((int*)data)[row])
                    : kind == Kind.PerValueNanos ? DuneZones.PerValueNanosInstant(((Int128*)data)[row])
                    : FromTimestamp(((long*)data)[row], kind.Value);
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Conversion Error: a timestamp compared with a timestamp(9) lies "
                + "outside timestamp(9)'s range (1677-09-21 00:12:43.145224193 to 2262-04-11 23:47:16.854775806)");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Function + " failed: " + e.GetType().Name);
        }
    }

    /// <summary>A timestamp's value (an infinity stays one) in nanoseconds since the epoch; throws OverflowException past
    /// TIMESTAMP_NS's range.</summary>
    private static long FromTimestamp(long value, Kind kind)
    {
        if (value is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
        {
            return value;
        }
        long nanos = kind switch
        {
            Kind.Nanos => value,
            Kind.Micros => checked(value * 1000L),
            Kind.PerValue => checked(DuneZones.PerValueInstant(value) * 1000L),
            Kind.Millis => checked(value * 1_000_000L),
            _ => checked(value * 1_000_000_000L),
        };
        return nanos is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros ? throw new OverflowException() : nanos;
    }

    private static long FromDays(int days) => days switch
    {
        TemporalFormat.InfinityDays => TemporalFormat.InfinityMicros,
        TemporalFormat.NegativeInfinityDays => TemporalFormat.NegativeInfinityMicros,
        _ => checked(days * NanosPerDay),
    };
}
