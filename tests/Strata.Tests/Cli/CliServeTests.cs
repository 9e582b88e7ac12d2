using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Strata.Engine.DuckDb;
using Strata.Tests.Infrastructure;

namespace Strata.Tests.Cli;

/// <summary>
/// <c>strata demo</c> and <c>strata serve</c> as a user runs them: the real CLI binary, a temporary data directory, a
/// small scale and port 0. <c>serve</c> starts the server beside the CLI on the demo data <c>demo</c> made, answers
/// queries, and stops cleanly when the CLI gets SIGTERM.
/// </summary>
public sealed class CliServeTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "strata-cli-serve-" + Guid.NewGuid().ToString("N"));
    private Process? serve;

    public void Dispose()
    {
        if (serve is { HasExited: false })
        {
            serve.Kill(entireProcessTree: true);
        }
        serve?.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Demo_makes_the_data_serve_serves_it_on_a_free_port_and_sigterm_stops_both()
    {
        var bad = await CliRunner.RunAsync(null, "demo", "--scale", "0", "--data-dir", dataDir);
        Assert.Equal((2, "strata: --scale must be above 0 and at most 1000\n"), (bad.ExitCode, bad.Stderr));

        var demo = await CliRunner.RunAsync(null, "demo", "--scale", "0.002", "--data-dir", dataDir);
        Assert.True(demo.ExitCode == 0, demo.Stderr);
        Assert.StartsWith("Generated demo data (scale 0.002) in ", demo.Stdout, StringComparison.Ordinal);
        string database = DemoDatabase.PathIn(dataDir);
        Assert.True(File.Exists(database));
        Assert.False(File.Exists(database + ".new"));
        var written = File.GetLastWriteTimeUtc(database);

        var info = new ProcessStartInfo("dotnet", [CliRunner.CliDll, "serve", "--data-dir", dataDir, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["STRATA_API_KEYS"] = $"alice:{StrataServer.AliceKey}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment.Remove("STRATA_DATA_DIR");
        info.Environment.Remove("ASPNETCORE_URLS");
        serve = Process.Start(info)!;
        var stderr = serve.StandardError.ReadToEndAsync();
        string? url = null;
        using (var startup = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
        {
            while (url is null && await serve.StandardOutput.ReadLineAsync(startup.Token) is { } line)
            {
                if (line.IndexOf("Strata listening on ", StringComparison.Ordinal) is int at and >= 0)
                {
                    url = line[(at + "Strata listening on ".Length)..].Trim();
                }
            }
        }
        Assert.True(url is not null, "serve printed no address: " + (serve.HasExited ? await stderr : "(running)"));
        var drain = serve.StandardOutput.ReadToEndAsync();

        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Dune-API-Key", StrataServer.AliceKey);
        var result = await client.RunAsync("select count(*) as n from ethereum.blocks");
        Assert.True(result["result"]!["rows"]![0]!["n"]!.GetValue<long>() > 0, result.ToJsonString());
        // The server read the data demo made: serve did not regenerate it.
        Assert.Equal(written, File.GetLastWriteTimeUtc(database));

        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await term.WaitForExitAsync();
        }
        using (var stop = new CancellationTokenSource(Api.HangGuard))
        {
            await serve.WaitForExitAsync(stop.Token);
        }
        await drain;
        Assert.True(serve.ExitCode == 0, $"exit {serve.ExitCode}: {await stderr}");
        using var after = new HttpClient { BaseAddress = new Uri(url) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => after.GetAsync("/healthz"));
    }
}
