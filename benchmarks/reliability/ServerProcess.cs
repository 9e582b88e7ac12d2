using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Strata.Reliability;

/// <summary>A real Strata server process on a loopback port, started from the Release build.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Pid => process.Id;

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

    public static string ServerDll => Path.Combine(RepoRoot, "src", "Strata.Server", "bin", "Release", "net10.0", "strata-server.dll");

    /// <summary>Starts the server and waits (at most 5 minutes) for its "listening" line.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(dataDir);
        var info = new ProcessStartInfo("dotnet", [ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["STRATA_DATA_DIR"] = dataDir;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings)
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new ServerProcess(process, new Uri("http://127.0.0.1/"));
        void Pump(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (server.output)
                {
                    server.output.AppendLine(line);
                }
                const string marker = "Strata listening on ";
                int at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    listening.TrySetResult(line[(at + marker.Length)..].Trim());
                }
            }
            listening.TrySetException(new InvalidOperationException("server exited before listening:\n" + server.Output));
        });
        Pump(process.StandardOutput);
        Pump(process.StandardError);
        string url = await listening.Task.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        var started = new ServerProcess(process, new Uri(url + "/"));
        lock (started.output)
        {
            started.output.Append(server.Output);
        }
        return started;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Resident set size in bytes, from /proc (0 when the process is gone).</summary>
    public long RssBytes() => ReadStatus("VmRSS:");

    /// <summary>Peak resident set size in bytes.</summary>
    public long PeakRssBytes() => ReadStatus("VmHWM:");

    private long ReadStatus(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
    }
}
