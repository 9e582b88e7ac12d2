extern alias server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Strata.Reliability;

/// <summary>
/// The real server pipeline (its Program: middleware, routing, auth, rate limits, JSON binding, the
/// handlers, the stores and the engine) hosted in this process on ASP.NET Core's TestServer: no
/// sockets and no Kestrel. What differs from a real server: Kestrel's own limits (request line,
/// headers, body size) are not applied, and executions run in this process
/// (<c>Strata:EngineWorkers:Isolated=false</c>), since a worker is started from the host's program.
/// Program itself runs to its <c>StartAsync</c> (schema, demo data, keys, sweeps), as in a real start.
/// </summary>
internal sealed class InProcessStrata : WebApplicationFactory<server::Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public InProcessStrata(string dataDir, IReadOnlyDictionary<string, string> settings)
    {
        DataDir = dataDir;
        var all = new Dictionary<string, string>
        {
            ["Strata:DataDir"] = dataDir,
            ["Strata:DemoScale"] = "0.001",
            ["Strata:RateLimits:ReadPerMinute"] = "0",
            ["Strata:RateLimits:WritePerMinute"] = "0",
            ["Strata:EngineWorkers:Isolated"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        this.settings = all;
        Directory.CreateDirectory(dataDir);
    }

    public string DataDir { get; }

    /// <summary>A client with the API key header, talking to the in-process server.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost/") });
        client.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(DataDir);
        foreach (var (k, v) in settings)
        {
            builder.UseSetting(k, v);
        }
    }
}
