using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A real Strata server process on a loopback port with its own data directory. Tests talk to it over
/// HTTP exactly as a client would. <see cref="Kill"/> is a SIGKILL, for crash tests.
/// </summary>
public sealed class StrataServer : IAsyncDisposable
{
    public const string AliceKey = "alice-test-key-0001";
    public const string BobKey = "bob-test-key-0002";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly bool ownsDataDir;

    /// <summary>Waits of <see cref="WaitForOutputAsync"/>: the text looked for and what completes when a line has it (guarded by <see cref="output"/>).</summary>
    private readonly List<(string Needle, TaskCompletionSource<bool> Seen)> watches = [];

    /// <summary>True once the process's output has ended (it exited): no line will come (guarded by <see cref="output"/>).</summary>
    private bool outputEnded;

    private StrataServer(Process process, string dataDir, Uri baseUrl, bool ownsDataDir)
    {
        this.process = process;
        DataDir = dataDir;
        BaseUrl = baseUrl;
        this.ownsDataDir = ownsDataDir;
        Alice = NewClient(AliceKey);
        Bob = NewClient(BobKey);
    }

    public string DataDir { get; }

    public Uri BaseUrl { get; }

    public HttpClient Alice { get; }

    public HttpClient Bob { get; }

    public int ProcessId => process.Id;

    /// <summary>True once the process has ended (killed, or stopped).</summary>
    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public HttpClient NewClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
        }
        return client;
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>The server built next to the tests (same configuration).</summary>
    public static string ServerDll
    {
        get
        {
            string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoRoot, "src", "Strata.Server", "bin", configuration, "net10.0", "strata-server.dll");
        }
    }

    /// <summary>Starts a server and waits until it listens. A null data dir means a fresh temporary one. A data
    /// directory without demo data gets a copy of the run's (<see cref="DemoTemplate"/>) unless the settings pick a scale.</summary>
    public static async Task<StrataServer> StartAsync(string? dataDir = null, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        bool owns = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (!DemoTemplate.PicksScale(settings))
        {
            DemoTemplate.CopyInto(dataDir, DemoTemplate.ServerScale);
        }
        var (process, lines) = Launch(dataDir, settings);
        var (url, seen) = await WaitForAsync(lines, process, "Strata listening on ", TimeSpan.FromSeconds(180), cancellationToken).ConfigureAwait(false);
        var server = new StrataServer(process, dataDir, new Uri(url.Trim()), owns);
        lock (server.output)
        {
            server.output.Append(seen);
        }
        _ = Task.Run(async () =>
        {
            await foreach (var line in lines.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                server.Append(line);
            }
            server.EndOutput();
        }, CancellationToken.None);
        return server;
    }

    private void Append(string line)
    {
        lock (output)
        {
            output.AppendLine(line);
            foreach (var (needle, seen) in watches)
            {
                if (line.Contains(needle, StringComparison.Ordinal))
                {
                    seen.TrySetResult(true);
                }
            }
        }
    }

    private void EndOutput()
    {
        lock (output)
        {
            outputEnded = true;
            foreach (var (_, seen) in watches)
            {
                seen.TrySetResult(false);
            }
        }
    }

    /// <summary>
    /// True as soon as a line of the server's output contains <paramref name="needle"/> (at once when one already
    /// does); false when <paramref name="timeout"/> passes first, or when the process's output ends without it (it
    /// exited). The line's arrival is the signal: no polling.
    /// </summary>
    public async Task<bool> WaitForOutputAsync(string needle, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (output.ToString().Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
            if (outputEnded)
            {
                return false;
            }
            watches.Add((needle, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            lock (output)
            {
                watches.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    /// <summary>
    /// The first of <paramref name="servers"/> whose output comes to contain <paramref name="needle"/> within
    /// <paramref name="timeout"/> (see <see cref="WaitForOutputAsync"/>), or null.
    /// </summary>
    public static async Task<StrataServer?> FirstWithOutputAsync(IEnumerable<StrataServer> servers, string needle, TimeSpan timeout)
    {
        // A list, not a dictionary keyed by task: a wait that completes at once may return a cached task that another has too.
        var waits = servers.Select(s => (Seen: s.WaitForOutputAsync(needle, timeout), Server: s)).ToList();
        while (waits.Count > 0)
        {
            var done = await Task.WhenAny(waits.Select(w => w.Seen)).ConfigureAwait(false);
            int at = waits.FindIndex(w => w.Seen == done);
            if (await done.ConfigureAwait(false))
            {
                return waits[at].Server;
            }
            waits.RemoveAt(at);
        }
        return null;
    }

    /// <summary>Runs the server expecting it to refuse to start; returns its exit code and output.</summary>
    /// <remarks>A given data directory is used and kept; otherwise a fresh one is made and removed. As in
    /// <see cref="StartAsync"/>, a data directory without demo data gets the run's copy unless the settings pick a
    /// scale: start-up generates the demo data before it checks the keys, so without the copy each refusal of a key
    /// cost a generation (about 9 s of CPU).</remarks>
    public static async Task<(int ExitCode, string Output)> RunExpectingFailureAsync(IDictionary<string, string> settings, CancellationToken cancellationToken, string? existingDataDir = null)
    {
        string dataDir = existingDataDir ?? Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (!DemoTemplate.PicksScale(settings))
        {
            DemoTemplate.CopyInto(dataDir, DemoTemplate.ServerScale);
        }
        var (process, lines) = Launch(dataDir, settings);
        var all = new StringBuilder();
        await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            all.AppendLine(line);
            if (line.Contains("Strata listening on ", StringComparison.Ordinal))
            {
                // It started after all: stop it, so the caller's assertion fails instead of waiting forever.
                process.Kill(entireProcessTree: true);
            }
        }
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (existingDataDir is null)
        {
            TryDelete(dataDir);
        }
        return (process.ExitCode, all.ToString());
    }

    private static (Process, System.Threading.Channels.Channel<string>) Launch(string dataDir, IDictionary<string, string>? settings)
    {
        var info = new ProcessStartInfo("dotnet", [ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["STRATA_DATA_DIR"] = dataDir;
        info.Environment["STRATA_API_KEYS"] = $"alice:{AliceKey},bob:{BobKey}";
        info.Environment["STRATA_DEMO_SCALE"] = DemoTemplate.ServerScale;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Strata"] = "Information";
        // Test servers are shared by many test classes under one key, so the per-key request rates
        // (a production bound) would fail tests on a fast machine; HttpHardeningTests turn them on.
        info.Environment["Strata__RateLimits__WritePerMinute"] = "0";
        info.Environment["Strata__RateLimits__ReadPerMinute"] = "0";
        info.Environment["Strata__RateLimits__UnauthenticatedPerMinute"] = "0";
        // An engine worker's start (a .NET process opening DuckDB) past the 60 s default is killed and started again: at
        // load 70 every start passed it, and the first execution of a server stayed EXECUTING past a test's wait
        // (UploadLimitTests' quota case, test-speed7). A test server's bound is a hang guard no load reaches.
        info.Environment["Strata__EngineWorkers__StartTimeout"] = "00:10:00";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info)!;
        LogLaunch();
        var lines = System.Threading.Channels.Channel.CreateUnbounded<string>();
        int open = 2;
        void Pump(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                await lines.Writer.WriteAsync(line).ConfigureAwait(false);
            }
            if (Interlocked.Decrement(ref open) == 0)
            {
                lines.Writer.TryComplete();
            }
        });
        Pump(process.StandardOutput);
        Pump(process.StandardError);
        return (process, lines);
    }

    private static readonly Lock LaunchLogGate = new();

    /// <summary>With <c>STRATA_TEST_LAUNCH_LOG</c> set to a file, appends the test class (or fixture) that started
    /// a server process: how many tests need one (docs/notes/suite-speed.md). Launch runs before the caller's
    /// first await, so the caller's frame is still on the stack.</summary>
    private static void LogLaunch()
    {
        if (Environment.GetEnvironmentVariable("STRATA_TEST_LAUNCH_LOG") is not { Length: > 0 } log)
        {
            return;
        }
        string caller = new StackTrace().GetFrames()
            .Select(f => f.GetMethod()?.DeclaringType)
            .Select(t => t?.DeclaringType is { } outer && t.Name.StartsWith('<') ? outer : t)
            .FirstOrDefault(t => t?.FullName is { } name && name.StartsWith("Strata.Tests.", StringComparison.Ordinal) && t != typeof(StrataServer) && t != typeof(DemoTemplate))
            ?.FullName ?? "unknown";
        lock (LaunchLogGate)
        {
            File.AppendAllText(log, caller + "\n");
        }
    }

    private static async Task<(string, string)> WaitForAsync(System.Threading.Channels.Channel<string> lines, Process process, string marker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var seen = new StringBuilder();
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                seen.AppendLine(line);
                int at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return (line[(at + marker.Length)..], seen.ToString());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        throw new InvalidOperationException($"server did not start:\n{seen}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGTERM, as a service manager stops the server; waits for the process to exit and
    /// returns its exit code, or throws when it is still running after the timeout.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"server still running {timeout} after SIGTERM:\n{Output}");
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        Bob.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
        if (ownsDataDir)
        {
            TryDelete(DataDir);
        }
    }

    public static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
