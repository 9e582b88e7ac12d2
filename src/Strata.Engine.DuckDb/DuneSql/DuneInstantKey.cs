using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using Strata.Core.Results;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_instant_key(x)</c>: the instant Trino compares a timestamp with time zone by, as nanoseconds since the epoch in
/// a HUGEINT (decision 275). A value whose zone is its own (<c>dune_tzv</c>, <c>dune_tzv9</c>) stores its zone's tag below
/// the instant, so two values of one instant in two zones are two numbers, and DuckDB's own comparison of them is
/// unequal; Trino's TimestampWithTimeZone operators compare the instant alone (the zone is not part of equality or
/// order). The translator writes this function around every operand of a comparison one of whose operands is such a
/// value (DuneSqlTranslator.Instants.cs), and DuckDB then compares, and joins on, two HUGEINT exactly and over the whole
/// timestamp range. A timestamp (any precision) is read in the session zone, UTC, as Trino coerces it; a date is its
/// midnight UTC; an infinity stays beyond every instant. Any other type fails when the call binds, as Trino refuses the
/// comparison.
/// </summary>
internal static unsafe class DuneInstantKey
{
    public const string Function = "dune_instant_key";

    private const long NanosPerDay = 86_400_000_000_000L;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>Adds the function (one overload, ANY to HUGEINT) to the function sets about to be registered.</summary>
    internal static void AddOverload(Dictionary<string, List<IntPtr>> pending)
    {
        IntPtr function = DuneNative.CreateScalar();
        pending[Function] = [function];
        DuneNative.ScalarName(function, Function);
        IntPtr any = DuneNative.CreateType((int)DuckDBType.Any), key = DuneNative.CreateType((int)DuckDBType.HugeInt);
        DuneNative.ScalarParameter(function, any);
        DuneNative.ScalarReturn(function, key);
        DuneNative.DestroyType(ref any);
        DuneNative.DestroyType(ref key);
        DuneNative.ScalarBind(function, &Bind);
        DuneNative.ScalarBody(function, &Rows);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        try
        {
            DuneInstantNanos.BindOneComparable(info, Function, name => $"Cannot compare timestamp with time zone with {name}: "
                + "Trino compares it only with a timestamp, a timestamp with time zone or a date");
        }
        catch (Exception e)
        {
            DuneNative.BindError(info, Function + " failed: " + e.GetType().Name);
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
            DuneInstantNanos.Kind? kind;
            try
            {
                kind = DuneInstantNanos.KindOf(type, out _);
            }
            finally
            {
                DuneNative.DestroyType(ref type);
            }
            if (kind is null or DuneInstantNanos.Kind.Null)
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            void* data = DuneNative.Data(vector);
            var result = (Int128*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (DuneNative.IsValid(valid, row))
                {
                    result[row] = kind switch
                    {
                        DuneInstantNanos.Kind.PerValueNanos => ((Int128*)data)[row] >> DuneZones.PerValueNanosTagBits,
                        DuneInstantNanos.Kind.Days => FromDays(((int*)data)[row]),
                        _ => FromTimestamp(((long*)data)[row], kind.Value),
                    };
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Function + " failed: " + e.GetType().Name);
        }
    }

    /// <summary>Nanoseconds since the epoch of a timestamp's stored value; an infinity is its microseconds × 1,000, as
    /// <c>dune_tzv9</c> stores one (so both sort past every instant alike).</summary>
    private static Int128 FromTimestamp(long value, DuneInstantNanos.Kind kind)
    {
        if (value is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
        {
            return (Int128)value * 1000;
        }
        return kind switch
        {
            DuneInstantNanos.Kind.Nanos => value,
            DuneInstantNanos.Kind.Micros => (Int128)value * 1000,
            DuneInstantNanos.Kind.PerValue => (Int128)DuneZones.PerValueInstant(value) * 1000,
            DuneInstantNanos.Kind.Millis => (Int128)value * 1_000_000,
            _ => (Int128)value * 1_000_000_000,
        };
    }

    private static Int128 FromDays(int days) => days switch
    {
        TemporalFormat.InfinityDays => (Int128)TemporalFormat.InfinityMicros * 1000,
        TemporalFormat.NegativeInfinityDays => (Int128)TemporalFormat.NegativeInfinityMicros * 1000,
        _ => (Int128)days * NanosPerDay,
    };
}
