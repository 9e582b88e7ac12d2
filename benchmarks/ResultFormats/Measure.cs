using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Strata.Core.Results;

namespace Strata.Bench.ResultFormats;

internal sealed record WriteFigures(double Seconds, long AllocatedBytes, long PeakRssBytes, long StartRssBytes);

internal static class Measure
{
    /// <summary>Times an action, with the managed bytes it allocated and the process's peak resident set meanwhile.</summary>
    public static WriteFigures Write(Action action)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long startRss = ResetPeakRss();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        return new WriteFigures(watch.Elapsed.TotalSeconds, allocated, process.PeakWorkingSet64, startRss);
    }

    public static WriteFigures MedianOf(List<WriteFigures> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);

    /// <summary>Median wall time in milliseconds, after one untimed warm-up run.</summary>
    public static async Task<double> MedianAsync(int repetitions, Func<Task<long>> action)
    {
        await action();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[(repetitions - 1) / 2] + times[repetitions / 2]) / 2;
    }

    /// <summary>Resets the kernel's peak-RSS mark (Linux: clear_refs 5, else the peak is the process's) and returns the current RSS.</summary>
    private static long ResetPeakRss()
    {
        if (OperatingSystem.IsLinux())
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

/// <summary>Consumes slices as a response would need them.</summary>
internal static class Slices
{
    private static readonly int[] AllColumns = Enumerable.Range(0, Rows.Schema.Columns.Count).ToArray();

    /// <summary>Sums value bytes of every slice (the result_set_bytes measure); doubles as a checksum.</summary>
    public static async Task<long> ValueBytesAsync(IAsyncEnumerable<ResultSlice> slices)
    {
        long total = 0;
        await foreach (var slice in slices)
        {
            total += StoredResult.BytesOf(slice, AllColumns);
        }
        return total;
    }

    /// <summary>Encodes the rows as a JSON results response does.</summary>
    public static async Task<byte[]> JsonAsync(IAsyncEnumerable<ResultSlice> slices)
    {
        var encoder = new RowEncoder(Rows.Schema, AllColumns);
        var output = new ArrayBufferWriter<byte>();
        bool first = true;
        await foreach (var slice in slices)
        {
            encoder.WriteJsonRows(slice, output, ref first);
        }
        return output.WrittenSpan.ToArray();
    }
}

internal sealed class Figures(string name)
{
    public string Name { get; } = name;

    public List<WriteFigures> Writes { get; } = [];

    public long FileBytes { get; set; }

    public double Open { get; set; }

    public double Page0 { get; set; }

    public double PageDeep { get; set; }

    public double Scan { get; set; }

    public static void PrintTable(Figures arrow, Figures parquet, long rows, long deepOffset, int pageRows, int pageReps, int scanReps)
    {
        const double MB = 1024 * 1024;
        // Times are the median write; memory is the first write's, before native memory retained by an
        // earlier Parquet write (Arrow's memory pool keeps it) inflates the resident set.
        var a = Measure.MedianOf(arrow.Writes);
        var p = Measure.MedianOf(parquet.Writes);
        var aMemory = arrow.Writes[0];
        var pMemory = parquet.Writes[0];
        Console.WriteLine($"| Measure | {arrow.Name} | {parquet.Name} | Parquet / Arrow |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("Write time (s)", a.Seconds, p.Seconds, "F2");
        Row("Write throughput (rows/s)", rows / a.Seconds, rows / p.Seconds, "N0");
        Row("File size (MB)", arrow.FileBytes / MB, parquet.FileBytes / MB, "F1");
        Row("Managed bytes allocated by the write (MB)", aMemory.AllocatedBytes / MB, pMemory.AllocatedBytes / MB, "F0");
        Row("Peak process RSS during the first write (MB)", aMemory.PeakRssBytes / MB, pMemory.PeakRssBytes / MB, "F0");
        Row("Peak RSS growth during the first write (MB)", (aMemory.PeakRssBytes - aMemory.StartRssBytes) / MB, (pMemory.PeakRssBytes - pMemory.StartRssBytes) / MB, "F0");
        Row($"Open file + footer only, p50 of {pageReps} (ms)", arrow.Open, parquet.Open, "F2");
        Row($"{pageRows:N0}-row page at offset 0, p50 of {pageReps} (ms)", arrow.Page0, parquet.Page0, "F2");
        Row($"{pageRows:N0}-row page at offset {deepOffset:N0}, p50 of {pageReps} (ms)", arrow.PageDeep, parquet.PageDeep, "F2");
        Row($"Full scan (all batches), p50 of {scanReps} (ms)", arrow.Scan, parquet.Scan, "F0");

        static void Row(string label, double arrowValue, double parquetValue, string format) => Console.WriteLine(
            $"| {label} | {arrowValue.ToString(format, CultureInfo.InvariantCulture)} | {parquetValue.ToString(format, CultureInfo.InvariantCulture)} | {(parquetValue / arrowValue).ToString("F2", CultureInfo.InvariantCulture)}x |");
    }
}
