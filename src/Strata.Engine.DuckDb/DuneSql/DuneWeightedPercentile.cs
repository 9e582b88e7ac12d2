using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_weighted_percentile(values DOUBLE[], weights DOUBLE[], p DOUBLE) → DOUBLE</c>: what Trino's weighted
/// <c>approx_percentile(x, w, p)</c> translates to (the translator passes the group's values and weights as two lists
/// sorted alike by value, then weight). Trino adds each value with its weight to a t-digest (airlift's TDigest) and reads
/// the percentile by its rule: a value of weight 1 is a point, a heavier one is spread around its mean, and between two
/// the answer is interpolated; the ends are the minimum and the maximum. Here each value is its own centroid, which is
/// what Trino's digest holds until it merges neighbours (it does not merge at small counts: a few dozen values), so the
/// answer is Trino's there and the exact weighted reading of the same rule beyond. A weight below 1 or not finite, and a
/// percentile outside 0..1, fail in Trino's words; a NULL value or weight is skipped (Trino does not add it); no pair
/// left is NULL.
/// </summary>
public static unsafe class DuneWeightedPercentile
{
    public const string Function = "dune_weighted_percentile";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr element = DuneNative.CreateType(DuneNative.TypeDouble);
        IntPtr list = DuneNative.CreateListType(element);
        IntPtr function = DuneNative.CreateScalar();
        try
        {
            DuneNative.ScalarName(function, Function);
            DuneNative.ScalarParameter(function, list);
            DuneNative.ScalarParameter(function, list);
            DuneNative.ScalarParameter(function, element);
            DuneNative.ScalarReturn(function, element);
            DuneNative.ScalarBody(function, &Rows);
            if (DuneNative.RegisterScalar(con, function) != 0)
            {
                throw new InvalidOperationException("Could not register " + Function + ".");
            }
        }
        finally
        {
            DuneNative.DestroyScalar(ref function);
            DuneNative.DestroyType(ref list);
            DuneNative.DestroyType(ref element);
        }
    }

    private sealed class PercentileException(string message) : Exception(message);

    /// <summary>A double as Java's Double.toString writes it (Trino's message formats the weight so): a plain decimal
    /// with at least one fraction digit from 10^-3 up to 10^7, else the shortest digits in scientific form.</summary>
    internal static string JavaText(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            string plain = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0";
        }
        return DuneNumeric.DoubleText(value);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr v = DuneNative.ChunkVector(input, 0), w = DuneNative.ChunkVector(input, 1), p = DuneNative.ChunkVector(input, 2);
            if (DuneNative.TypeIdOf(v) != DuneNative.TypeList || DuneNative.TypeIdOf(w) != DuneNative.TypeList)
            {
                throw new PercentileException("approx_percentile takes a value and a weight");
            }
            var vEntries = (DuneNative.ListEntry*)DuneNative.Data(v);
            var wEntries = (DuneNative.ListEntry*)DuneNative.Data(w);
            var percentiles = (double*)DuneNative.Data(p);
            IntPtr vChild = DuneNative.ListChild(v), wChild = DuneNative.ListChild(w);
            var values = (double*)DuneNative.Data(vChild);
            var weights = (double*)DuneNative.Data(wChild);
            ulong* vValid = DuneNative.Validity(v), wValid = DuneNative.Validity(w), pValid = DuneNative.Validity(p);
            ulong* vChildValid = DuneNative.Validity(vChild), wChildValid = DuneNative.Validity(wChild);
            var result = (double*)DuneNative.Data(output);
            var means = new List<double>();
            var masses = new List<double>();
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(vValid, row) || !DuneNative.IsValid(wValid, row) || !DuneNative.IsValid(pValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                var (vFrom, wFrom, count) = (vEntries[row].Offset, wEntries[row].Offset, vEntries[row].Length);
                if (wEntries[row].Length != count)
                {
                    throw new PercentileException("approx_percentile's values and weights differ in number");
                }
                means.Clear();
                masses.Clear();
                for (ulong i = 0; i < count; i++)
                {
                    if (!DuneNative.IsValid(vChildValid, vFrom + i) || !DuneNative.IsValid(wChildValid, wFrom + i))
                    {
                        continue;
                    }
                    double weight = weights[wFrom + i];
                    if (!double.IsFinite(weight))
                    {
                        throw new PercentileException("weight must be finite, was " + JavaText(weight));
                    }
                    if (weight < 1)
                    {
                        throw new PercentileException("weight must be >= 1, was " + JavaText(weight));
                    }
                    double value = values[vFrom + i];
                    if (!double.IsFinite(value))
                    {
                        // airlift TDigest.add(value, weight), after Trino's verifyWeight.
                        throw new PercentileException(double.IsNaN(value) ? "value is NaN" : "value must be finite");
                    }
                    means.Add(value);
                    masses.Add(weight);
                }
                if (means.Count == 0)
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                double q = percentiles[row];
                if (!(q >= 0 && q <= 1))
                {
                    throw new PercentileException("Percentile must be between 0 and 1");
                }
                result[row] = ValueAt(CollectionsMarshal.AsSpan(means), CollectionsMarshal.AsSpan(masses), q);
            }
        }
        catch (PercentileException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "approx_percentile failed: " + e.GetType().Name);
        }
    }

    /// <summary>The value at quantile q of centroids sorted by mean (each a value with its weight), by the t-digest's
    /// reading: q × the total weight is a position in the sequence of all values; position 1 and below is the minimum,
    /// the last unit the maximum; a centroid of weight one holds its position's half unit on either side; elsewhere the
    /// value is interpolated linearly between the centroids' means, a heavy end centroid between it and the minimum or
    /// maximum.</summary>
    internal static double ValueAt(ReadOnlySpan<double> means, ReadOnlySpan<double> weights, double q)
    {
        int n = means.Length;
        if (n == 1)
        {
            return means[0];
        }
        double total = 0;
        foreach (double weight in weights)
        {
            total += weight;
        }
        // The digest interpolates a heavy end centroid toward the minimum or maximum; here each centroid is one value, so
        // its mean is that end and the whole end half reads as it.
        double position = q * total, min = means[0], max = means[n - 1];
        double firstHalf = weights[0] / 2, lastHalf = weights[n - 1] / 2;
        if (position < Math.Max(1, firstHalf))
        {
            return min;
        }
        if (position >= total - 1 || (lastHalf > 1 && total - position <= lastHalf))
        {
            return max;
        }
        double before = firstHalf;
        int left = 0;
        double span = (weights[0] + weights[1]) / 2;
        while (left < n - 1 && before + span <= position)
        {
            before += span;
            left++;
            span = left < n - 1 ? (weights[left] + weights[left + 1]) / 2 : span;
        }
        if (left == n - 1)
        {
            return max;
        }
        double into = position - before;
        if (weights[left] == 1 && into < 0.5)
        {
            return means[left];
        }
        if (weights[left + 1] == 1 && into >= weights[left] / 2)
        {
            return means[left + 1];
        }
        double length = span;
        if (weights[left] == 1)
        {
            into -= 0.5;
            length = weights[left + 1] / 2;
        }
        else if (weights[left + 1] == 1)
        {
            length = weights[left] / 2;
        }
        return means[left] + into / length * (means[left + 1] - means[left]);
    }
}
