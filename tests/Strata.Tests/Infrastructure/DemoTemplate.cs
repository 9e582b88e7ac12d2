using Strata.Engine.DuckDb;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// The demo database a test server would generate on its first start (<see cref="DemoData.EnsureFile"/> at the
/// server's scale), generated once per test run and per scale, then copied into each fresh data directory before
/// its server starts: the server finds <c>demo.duckdb</c> present and skips generation, as on any restart. At the
/// test scale a generation costs about 9 s of CPU; a copy of its 65 MB, a fraction of a second. The copy is made
/// owner-only (mode 600), as the server's umask of 077 makes its own. A template older than
/// <see cref="MaxAge"/> is generated again in the background, starts copying the old one until the new one is made (the
/// old one stays until the run ends: a copy may be reading it); one twice MaxAge old is generated again before the start
/// copies it, so the data still ends about now, under twice MaxAge old (<c>DemoDataServerTests</c>).
/// Tests of generation itself (<c>DemoDataTests</c>, <c>CliServeTests</c>) do not go through here.
/// </summary>
public static class DemoTemplate
{
    /// <summary>The scale <see cref="StrataServer"/> and <see cref="InProcessServer"/> start with.</summary>
    public const string ServerScale = "0.01";

    /// <summary>The scale of the reliability harness's <c>InProcessStrata</c> (<c>OpsHost</c>).</summary>
    public const string InProcessStrataScale = "0.001";

    /// <summary>The age past which a template is generated again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(20);
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (string Path, DateTime MadeAt)> Templates = new(StringComparer.Ordinal);
    /// <summary>The scales whose newer template is being generated (<see cref="Refresh"/>).</summary>
    private static readonly HashSet<string> Refreshing = new(StringComparer.Ordinal);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "strata-demo-template-" + Guid.NewGuid().ToString("N"));

    static DemoTemplate()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StrataServer.TryDelete(Root);
    }

    /// <summary>True when the settings (environment-variable or configuration names) choose the demo scale.</summary>
    public static bool PicksScale(IEnumerable<KeyValuePair<string, string>>? settings) =>
        settings is not null && settings.Any(s => s.Key is "STRATA_DEMO_SCALE" or "Strata__DemoScale" or "Strata:DemoScale");

    /// <summary>Puts the demo database of <paramref name="scale"/> into the data directory unless one is there.</summary>
    public static void CopyInto(string dataDir, string scale)
    {
        string target = DemoDatabase.PathIn(dataDir);
        if (File.Exists(target))
        {
            return;
        }
        string template = Template(scale);
        string temp = $"{target}.copy-{Guid.NewGuid():N}";
        try
        {
            File.Copy(template, temp);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(temp, target);
                // The template's generator stamp with it, so the server finds the file current (DemoData.IsCurrent).
                File.Copy(DemoData.StampPath(template), DemoData.StampPath(target), overwrite: true);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(DemoData.StampPath(target), UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            catch (IOException) when (File.Exists(target))
            {
                // Nodes sharing a data directory start together: the first copy is as good.
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Template(string scale)
    {
        lock (Gate)
        {
            if (Templates.TryGetValue(scale, out var made) && File.Exists(made.Path) && DateTime.UtcNow - made.MadeAt < 2 * MaxAge)
            {
                if (DateTime.UtcNow - made.MadeAt >= MaxAge && Refreshing.Add(scale))
                {
                    _ = Task.Run(() => Refresh(scale));
                }
                return made.Path;
            }
            // The run's first template of this scale, or one twice MaxAge old (no start for that long, or its refreshes
            // failed): every start waits for a new one, so no start copies data older than that (the review of 312).
            var first = Generate(scale);
            Templates[scale] = first;
            return first.Path;
        }
    }

    /// <summary>
    /// Generates a newer template outside the lock: starts meanwhile copy the current one. (The generation held the lock,
    /// so every server start of the run waited for it, minutes at load 60: 9 s of CPU shared with the rest of the run.)
    /// A failed generation leaves the current template, and the next start past <see cref="MaxAge"/> tries again.
    /// </summary>
    private static void Refresh(string scale)
    {
        try
        {
            var fresh = Generate(scale);
            lock (Gate)
            {
                Templates[scale] = fresh;
            }
        }
        finally
        {
            lock (Gate)
            {
                Refreshing.Remove(scale);
            }
        }
    }

    private static (string Path, DateTime MadeAt) Generate(string scale)
    {
        string dir = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = DemoDatabase.PathIn(dir);
        DateTime madeAt = DateTime.UtcNow;
        DemoData.EnsureFile(path, double.Parse(scale, System.Globalization.CultureInfo.InvariantCulture));
        return (path, madeAt);
    }
}
