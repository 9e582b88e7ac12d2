using System.Diagnostics;

namespace Strata.Tests;

/// <summary>
/// Dune's official TypeScript client (@duneanalytics/client-sdk 0.4.0, unmodified, installed with npm)
/// against a real server: each test file of tests/client-compat runs under node's test runner.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ClientCompatTests(SharedServer shared)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(StrataServer.RepoRoot, "tests", "client-compat", "test"), "*.test.js").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Official_typescript_client(string file)
    {
        string output = await RunAsync([Path.Combine("test", file)], shared.Server.BaseUrl.ToString().TrimEnd('/'), nodes: null);
        Assert.Contains("ℹ fail 0", output);
    }

    /// <summary>
    /// Runs test files of tests/client-compat under node's test runner against <paramref name="baseUrl"/> (or, with
    /// <paramref name="nodes"/>, against those nodes in turn behind the virtual balancer <paramref name="baseUrl"/>);
    /// asserts that node exits 0 and returns its output.
    /// </summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> files, string baseUrl, IReadOnlyList<string>? nodes)
    {
        string dir = Path.Combine(StrataServer.RepoRoot, "tests", "client-compat");
        Assert.True(Directory.Exists(Path.Combine(dir, "node_modules", "@duneanalytics", "client-sdk")), "run `npm ci` in tests/client-compat (test.sh does)");
        var info = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", .. files])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["STRATA_BASE_URL"] = baseUrl;
        if (nodes is not null)
        {
            info.Environment["STRATA_NODE_URLS"] = string.Join(',', nodes);
        }
        info.Environment["STRATA_API_KEY"] = StrataServer.AliceKey;
        info.Environment["STRATA_OTHER_API_KEY"] = StrataServer.BobKey;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"node --test {string.Join(' ', files)} failed:\n{output}");
        return output;
    }
}
