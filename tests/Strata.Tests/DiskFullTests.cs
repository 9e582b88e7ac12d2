using System.Diagnostics;

namespace Strata.Tests;

/// <summary>A result that does not fit on the disk fails as "disk full", leaves no partial file, and
/// the server goes on. The results directory is a small tmpfs, so the disk really is full.</summary>
public sealed class DiskFullTests
{
    private static async Task<int> RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [Fact]
    public async Task A_result_that_fills_the_disk_fails_as_disk_full_and_leaves_nothing_behind()
    {
        // Mounting a tmpfs needs root on Linux; elsewhere this test has nothing to run on.
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return;
        }
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        string resultsDir = Path.Combine(dataDir, "results");
        Directory.CreateDirectory(resultsDir);
        Assert.Equal(0, await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", resultsDir));
        try
        {
            await using (var server = await StrataServer.StartAsync(dataDir))
            {
                // About 20 MB of result for a 4 MB disk.
                string big = await server.Alice.SubmitAsync("select lpad('', 1000, 'x') || range::varchar as s from range(20000)");
                var status = await server.Alice.WaitAsync(big);
                Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
                // Before the fix: "An internal error occurred while running the query.", and the partial file stayed.
                Assert.StartsWith("disk full", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Empty(Directory.GetFiles(resultsDir));

                // The space is back: other work goes on.
                var rows = await server.Bob.RunAsync("select 1 as one");
                Assert.Equal(1, rows["result"]!["rows"]![0]!["one"]!.GetValue<int>());
            }
        }
        finally
        {
            await RunAsync("umount", resultsDir);
            StrataServer.TryDelete(dataDir);
        }
    }
}
