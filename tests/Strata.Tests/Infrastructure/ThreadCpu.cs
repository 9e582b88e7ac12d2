using System.Globalization;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// The processor time (user and system) the calling thread has used since <see cref="StartNew"/>, read from
/// <c>/proc/thread-self/stat</c> in clock ticks of 10 ms. For a bound on synchronous work done on the calling thread
/// (a translation, a parse): unlike wall time it does not grow while the thread waits for a core that other processes
/// hold, so a loaded machine cannot fail the bound, while work that grows past it still does. Not for work handed to
/// other threads (DuckDB's, the thread pool's after an await).
/// </summary>
public readonly struct ThreadCpu
{
    /// <summary>USER_HZ, the unit of the stat file's times: 100 on every Linux architecture .NET runs on.</summary>
    private const int TicksPerSecond = 100;

    private readonly TimeSpan start;
    private readonly int thread;

    private ThreadCpu(TimeSpan start, int thread) => (this.start, this.thread) = (start, thread);

    public static ThreadCpu StartNew() => new(Used(), Environment.CurrentManagedThreadId);

    /// <summary>The thread's processor time since <see cref="StartNew"/>, read on the same thread.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            if (Environment.CurrentManagedThreadId != thread)
            {
                throw new InvalidOperationException("ThreadCpu read on another thread than the one it measures");
            }
            return Used() - start;
        }
    }

    /// <summary>The operating system's id of the calling thread (its entry under <c>/proc/self/task</c>), for <see cref="UsedBy"/>.</summary>
    public static int OsThreadId() =>
        int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget!), CultureInfo.InvariantCulture);

    /// <summary>The processor time thread <paramref name="osThreadId"/> of this process has used since it began; null once
    /// it has ended. For work on a thread the test does not run (a loader's own thread), read from any thread.</summary>
    public static TimeSpan? UsedBy(int osThreadId)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/self/task/{osThreadId.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    private static TimeSpan Used() => Parse(File.ReadAllText("/proc/thread-self/stat"));

    private static TimeSpan Parse(string stat)
    {
        // Fields after the command's closing parenthesis: state (3) ... utime (14), stime (15).
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / TicksPerSecond);
    }
}
