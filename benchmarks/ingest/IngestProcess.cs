using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.IngestBench;

/// <summary>`strata ingest` as a user runs it: the Release CLI in its own process, timed from start to exit.</summary>
public static partial class IngestProcess
{
    public static string CliDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "src", "Strata.Cli", "bin", "Release", "net10.0", "strata.dll");
        }
    }

    public static async Task<(TimeSpan Elapsed, string Summary)> RunAsync(string dataDir, Uri rpc, long to, int concurrency, CancellationToken cancellationToken, int batchBlocks = 100, string? cliDll = null, IReadOnlyList<string>? extra = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cliDll ?? CliDll, "ingest", "--data-dir", dataDir, "--rpc", rpc.ToString(), "--chain", "devnet", "--to", to.ToString(CultureInfo.InvariantCulture), "--max-concurrency", concurrency.ToString(CultureInfo.InvariantCulture), }
            .Concat(extra?.Contains("--batch-blocks") == true ? [] : ["--batch-blocks", batchBlocks.ToString(CultureInfo.InvariantCulture)])
            .Concat(extra ?? []))
        {
            info.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        clock.Stop();
        string output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"strata ingest exited {process.ExitCode}: {output}\n{await stderr.ConfigureAwait(false)}");
        }
        return (clock.Elapsed, output.Trim());
    }

    /// <summary>The rows count of the summary line ("N blocks, M rows ingested").</summary>
    public static long Rows(string summary) => RowsPattern().Match(summary) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"(\d+) rows ingested")]
    private static partial Regex RowsPattern();
}
