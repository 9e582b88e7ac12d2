using System.Globalization;

namespace Strata.IngestBench;

/// <summary>
/// CPU seconds (user + system) from /proc: a running process's own (the node's), and the total of this process's
/// children that have exited and been waited for (each `strata ingest` run), so that a run's wall time can be set beside
/// the CPU it took on the shared cores: the node, the ingester and the fetch-only client all run on the same machine.
/// </summary>
public static class CpuTime
{
    /// <summary>Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The CPU seconds <paramref name="processId"/> has used so far.</summary>
    public static double Of(int processId) => Fields(processId.ToString(CultureInfo.InvariantCulture)) is { } f ? (f[11] + f[12]) / TicksPerSecond : double.NaN;

    /// <summary>The CPU seconds of this process's children that exited and were waited for.</summary>
    public static double OfExitedChildren() => Fields("self") is { } f ? (f[13] + f[14]) / TicksPerSecond : double.NaN;

    /// <summary>This process's own CPU seconds.</summary>
    public static double OfSelf() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The fields after the command name of /proc/PID/stat, from field 3 (the state, read as 0): index 11 is utime, 13 cutime.</summary>
    private static long[]? Fields(string process)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{process}/stat");
            return [.. stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out long n) ? n : 0)];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
