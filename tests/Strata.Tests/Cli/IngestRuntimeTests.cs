using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Strata.Cli;

namespace Strata.Tests.Cli;

/// <summary>
/// <c>strata ingest</c> re-executes itself in place with its own runtime settings (tiered PGO off, a larger gen0): which
/// environment it gets, and the real process (same id, the settings in its environment, the operator's opt-out kept).
/// </summary>
public sealed class IngestRuntimeTests
{
    [Fact]
    public void The_ingest_environment_adds_the_knobs_and_the_marker_and_keeps_every_variable()
    {
        var environment = IngestRuntime.Environment(new Hashtable { ["PATH"] = "/bin", ["STRATA_DATA_DIR"] = "/d" })!;

        Assert.Equal(["DOTNET_GCgen0size=0x4000000", "DOTNET_TieredCompilation=0", "DOTNET_TieredPGO=0", "PATH=/bin", "STRATA_DATA_DIR=/d", "STRATA_INGEST_RUNTIME=tuned"], environment.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_knob_the_operator_set_is_kept_as_given_under_either_prefix()
    {
        var environment = IngestRuntime.Environment(new Hashtable { ["DOTNET_TieredPGO"] = "1", ["COMPlus_GCgen0size"] = "0x1000000" })!;

        Assert.Equal(["COMPlus_GCgen0size=0x1000000", "DOTNET_TieredCompilation=0", "DOTNET_TieredPGO=1", "STRATA_INGEST_RUNTIME=tuned"], environment.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_marker_already_set_means_no_re_execution()
    {
        Assert.Null(IngestRuntime.Environment(new Hashtable { [IngestRuntime.Marker] = "tuned" }));
        Assert.Null(IngestRuntime.Environment(new Hashtable { [IngestRuntime.Marker] = "default", ["PATH"] = "/bin" }));
    }

    [Fact]
    public void The_command_line_splits_on_nul_and_keeps_empty_and_non_ascii_arguments()
    {
        Assert.Equal(["dotnet", "strata.dll", "ingest", "", "--chain", "dévnet"], IngestRuntime.CommandLine(Encoding.UTF8.GetBytes("dotnet\0strata.dll\0ingest\0\0--chain\0dévnet\0")));
        Assert.Empty(IngestRuntime.CommandLine([]));
    }

    [Fact]
    public async Task Strata_ingest_runs_in_the_same_process_with_pgo_off_and_the_opt_out_keeps_the_defaults()
    {
        // execve and /proc are Linux's (as are the anvil-backed ingest tests); elsewhere the command runs as it is.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // A node that accepts and never answers: the ingest process waits on its first request while we read its environment.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentQueue<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (!timeout.IsCancellationRequested)
            {
                held.Enqueue(await silent.AcceptTcpClientAsync(timeout.Token));
            }
        }, timeout.Token);
        string url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";

        var tuned = await EnvironmentWhileWaitingAsync(url, null, () => held.Count, timeout.Token);
        Assert.Contains("DOTNET_TieredCompilation=0", tuned);
        Assert.Contains("DOTNET_TieredPGO=0", tuned);
        Assert.Contains("DOTNET_GCgen0size=0x4000000", tuned);
        Assert.Contains("STRATA_INGEST_RUNTIME=tuned", tuned);

        var defaults = await EnvironmentWhileWaitingAsync(url, "default", () => held.Count, timeout.Token);
        Assert.Contains("STRATA_INGEST_RUNTIME=default", defaults);
        Assert.DoesNotContain(defaults, v => v.StartsWith("DOTNET_TieredPGO=", StringComparison.Ordinal));
        Assert.DoesNotContain(defaults, v => v.StartsWith("DOTNET_TieredCompilation=", StringComparison.Ordinal));
        await timeout.CancelAsync();
        foreach (var client in held)
        {
            client.Dispose();
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
    }

    /// <summary>
    /// Starts <c>strata ingest</c> against the silent node and, once the node has accepted its connection (the process is
    /// past any re-execution and waiting on its first request), reads /proc/PID/environ of the started process id.
    /// </summary>
    private static async Task<string[]> EnvironmentWhileWaitingAsync(string url, string? marker, Func<int> accepted, CancellationToken ct)
    {
        int before = accepted();
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-ingest-runtime-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet", [CliRunner.CliDll, "ingest", "--data-dir", dataDir, "--rpc", url, "--chain", "devnet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("DOTNET_TieredCompilation");
        info.Environment.Remove("DOTNET_TieredPGO");
        info.Environment.Remove("DOTNET_GCgen0size");
        info.Environment.Remove(IngestRuntime.Marker);
        if (marker is not null)
        {
            info.Environment[IngestRuntime.Marker] = marker;
        }
        using var process = Process.Start(info)!;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    Assert.Fail($"strata ingest exited ({process.ExitCode}) before its environment was read: {await process.StandardError.ReadToEndAsync(ct)}");
                }
                if (accepted() > before)
                {
                    return (await File.ReadAllTextAsync($"/proc/{process.Id}/environ", ct)).Split('\0');
                }
                await Task.Delay(50, ct);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }
}
