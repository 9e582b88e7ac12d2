using System.Diagnostics;
using System.Globalization;

namespace Strata.Tests.Cluster;

/// <summary>The test PostgreSQL never outlives the test host that started it.</summary>
public sealed class PostgresFixtureTests
{
    [Fact]
    public async Task A_test_host_killed_by_sigkill_with_its_whole_process_group_leaves_no_postgres_and_no_directory()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        // The host leads a process group of its own, so one signal reaches it and everything still in its group,
        // as Ctrl-C or `kill -- -PGID` reaches a test run.
        var info = new ProcessStartInfo("setsid", ["dotnet", typeof(PostgresServer).Assembly.Location, "postgres"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var host = Process.Start(info)!;
        string root = "";
        int postmaster = 0;
        try
        {
            string line = await host.StandardOutput.ReadLineAsync(ct)
                ?? throw new InvalidOperationException("the child host ended before its server started: " + await host.StandardError.ReadToEndAsync(ct));
            root = line.Split(' ')[0];
            postmaster = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            Assert.True(IsAlive(postmaster), "postgres runs while its host does");

            Signal("-KILL", $"-{host.Id}");
            await host.WaitForExitAsync(ct);

            while (IsAlive(postmaster) || Directory.Exists(root))
            {
                // Waits on processes outside this one (the watchdog, postgres's shutdown); the token bounds it.
                await Task.Delay(100, ct);
            }
        }
        finally
        {
            if (postmaster > 0 && IsAlive(postmaster))
            {
                Signal("-KILL", postmaster.ToString(CultureInfo.InvariantCulture));
            }
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
            if (root.Length > 0)
            {
                StrataServer.TryDelete(root);
            }
        }
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, "--", target]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
