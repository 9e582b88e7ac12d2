using System.Diagnostics;

namespace Strata.Tests.Operations;

/// <summary>
/// /docs renders in headless Chromium (Debian's <c>chromium</c>) with every host but 127.0.0.1 unresolvable,
/// so Scalar's page works offline from the assets the package serves, and lists the execution endpoints.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class DocsPageTests(SharedServer shared)
{
    [Fact]
    public async Task The_reference_page_renders_offline_and_lists_the_execution_endpoints()
    {
        string chromium = FindChromium();
        string profile = Path.Combine(Path.GetTempPath(), "strata-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var info = new ProcessStartInfo(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--virtual-time-budget=20000", "--dump-dom", new Uri(shared.Server.BaseUrl, "/docs/").ToString(),
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string dom = await process.StandardOutput.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(cts.Token);
            Assert.True(dom.Length > 10_000, $"chromium rendered almost nothing ({dom.Length} chars):\n{dom}\n{await stderr}");
            foreach (string operation in new[] { "Execute SQL", "Get execution status", "Get execution results", "Get execution results as CSV", "Cancel execution" })
            {
                Assert.Contains(operation, dom);
            }
        }
        finally
        {
            StrataServer.TryDelete(profile);
        }
    }

    [Fact]
    public async Task The_reference_page_loads_only_assets_served_by_the_server()
    {
        using var client = shared.Server.NewClient(null);
        string html = await client.GetStringAsync("/docs/");
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("http://", html);
        using var script = await client.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    private static string FindChromium()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin"))
        {
            foreach (string name in new[] { "chromium", "chromium-browser" })
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        throw new InvalidOperationException("Chromium is not installed: this test needs Debian's chromium (apt-get install -y chromium)");
    }
}
