extern alias server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// The real server pipeline (its Program: middleware, routing, auth, the handlers, the use cases, the
/// stores and the engine) hosted in the test process on ASP.NET Core's TestServer, with the same keys
/// and settings as <see cref="StrataServer"/>: no process start, no sockets, no Kestrel. For tests of
/// behaviour on the wire that do not need a process. What differs: Kestrel's own limits (request line,
/// headers, body size) are not applied, and executions run in this process
/// (<c>Strata:EngineWorkers:Isolated=false</c>). Settings are given as <see cref="StrataServer"/> takes
/// them (environment-variable names: <c>Strata__Section__Key</c> or the <c>STRATA_*</c> shortcuts).
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Shortcuts = new(StringComparer.Ordinal)
    {
        ["STRATA_API_KEYS"] = "Strata:ApiKeys",
        ["STRATA_METADATA"] = "Strata:Metadata",
        ["STRATA_DEMO_SCALE"] = "Strata:DemoScale",
        ["STRATA_PUBLIC_BASE_URL"] = "Strata:PublicBaseUrl",
        ["STRATA_MAX_REQUEST_BODY_BYTES"] = "Strata:MaxRequestBodyBytes",
    };

    private readonly Factory factory;

    private readonly LogCapture log = new();

    private readonly bool ownsDataDir;

    private InProcessServer(string dataDir, bool ownsDataDir, IDictionary<string, string>? settings, TimeProvider? time, Action<IServiceCollection>? services)
    {
        DataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Strata:DataDir"] = dataDir,
            ["Strata:ApiKeys"] = $"alice:{StrataServer.AliceKey},bob:{StrataServer.BobKey}",
            ["Strata:DemoScale"] = DemoTemplate.ServerScale,
            ["Strata:RateLimits:WritePerMinute"] = "0",
            ["Strata:RateLimits:ReadPerMinute"] = "0",
            ["Strata:RateLimits:UnauthenticatedPerMinute"] = "0",
            ["Strata:EngineWorkers:Isolated"] = "false",
            // When a test isolates the engine: a worker's start is bounded as a hang, not a speed (StrataServer).
            ["Strata:EngineWorkers:StartTimeout"] = "00:10:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            // A shortcut this host does not know would be a key nothing reads (a cluster node silently on SQLite).
            if (k.StartsWith("STRATA_", StringComparison.Ordinal) && !Shortcuts.ContainsKey(k))
            {
                throw new ArgumentException($"{k} is not a STRATA_* shortcut InProcessServer maps; add it to its Shortcuts", nameof(settings));
            }
            all[Shortcuts.GetValueOrDefault(k, k.Replace("__", ":", StringComparison.Ordinal))] = v;
        }
        factory = new Factory(dataDir, all, log, time, services);
        Alice = NewClient(StrataServer.AliceKey);
        Bob = NewClient(StrataServer.BobKey);
    }

    public string DataDir { get; }

    /// <summary>The address its clients send to (TestServer answers any host; next_uri names this one).</summary>
    public Uri BaseUrl { get; } = new("http://localhost/");

    /// <summary>When this server was started (its demo data was generated at most <see cref="DemoTemplate.MaxAge"/>
    /// before).</summary>
    public DateTime StartedAt { get; } = DateTime.UtcNow;

    public HttpClient Alice { get; }

    public HttpClient Bob { get; }

    /// <summary>What the server has logged at Information and above, one message a line (as a process's console shows them).</summary>
    public string Output => log.Text;

    /// <summary>Starts the server's Program in this process (schema, demo data, keys, sweeps) and waits until it serves.
    /// A <paramref name="time"/> replaces the server's clock (<see cref="TimeProvider.System"/>) for everything that takes
    /// it from the container: execution times and tier timeouts, result expiry and its sweep, long-poll waits, schedules.
    /// A <c>FakeTimeProvider</c> there lets a test move time on instead of waiting it out. <paramref name="services"/> changes
    /// the server's container after its Program has composed it (as <see cref="EngineGate.HoldRuns"/> wraps its engine).</summary>
    public static Task<InProcessServer> StartAsync(
        IDictionary<string, string>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null) =>
        LaunchAsync(dataDir: null, settings, time, services);

    /// <summary>As <see cref="StartAsync(IDictionary{string, string}?, TimeProvider?, Action{IServiceCollection}?)"/>, on
    /// <paramref name="dataDir"/>: a data directory nodes share (as <see cref="StrataServer"/> takes one), which the caller
    /// deletes.</summary>
    public static Task<InProcessServer> StartInAsync(
        string dataDir, IDictionary<string, string>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null) =>
        LaunchAsync(dataDir, settings, time, services);

    private static Task<InProcessServer> LaunchAsync(
        string? dataDir, IDictionary<string, string>? settings, TimeProvider? time, Action<IServiceCollection>? services) => Task.Run(() =>
    {
        bool owns = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "strata-inproc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (!DemoTemplate.PicksScale(settings))
        {
            DemoTemplate.CopyInto(dataDir, DemoTemplate.ServerScale);
        }
        return new InProcessServer(dataDir, owns, settings, time, services);
    });

    /// <summary>A service of the server's container (for tests that look at what the server holds).</summary>
    public T Services<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>A client sending <paramref name="key"/>; with <paramref name="followRedirects"/> false a request body is
    /// streamed to the server as it is written (the factory's redirect handler reads it whole first, to send it again).</summary>
    public HttpClient NewClient(string? key, bool followRedirects = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseUrl, AllowAutoRedirect = followRedirects });
        client.Timeout = TimeSpan.FromSeconds(120);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        Bob.Dispose();
        await factory.DisposeAsync().ConfigureAwait(false);
        if (ownsDataDir)
        {
            StrataServer.TryDelete(DataDir);
        }
    }

    private sealed class Factory(
        string dataDir, IReadOnlyDictionary<string, string> settings, LogCapture log, TimeProvider? time, Action<IServiceCollection>? services)
        : WebApplicationFactory<server::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(dataDir);
            foreach (var (k, v) in settings)
            {
                builder.UseSetting(k, v);
            }
            // The capture sees Information whatever Logging:LogLevel:Default says for the console.
            builder.ConfigureLogging(logging => logging.AddProvider(log).AddFilter<LogCapture>(null, LogLevel.Information));
            if (time is not null)
            {
                builder.ConfigureTestServices(s => s.RemoveAll<TimeProvider>().AddSingleton(time));
            }
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}

/// <summary>One in-process server shared by the tests of a collection that need no special settings.</summary>
public sealed class InProcessSharedServer : IAsyncLifetime
{
    public InProcessServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InProcessServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class InProcessServerCollection : ICollectionFixture<InProcessSharedServer>
{
    public const string Name = "in-process server";
}

/// <summary>
/// A second in-process server for the wire tests that ran on the shared server process before issue 11's suite-speed3
/// (SQL semantics, result views, pagination, errors, catalog, upload isolation), and since suite-speed4 the read-only
/// statement forms, the engine's catalog routes and column names, and the plain 4xx bodies of the hostile-input table:
/// nothing they check needs a process, and a collection of their own runs beside <see cref="InProcessServerCollection"/>
/// instead of after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessWireCollection : ICollectionFixture<InProcessSharedServer>
{
    public const string Name = "in-process wire server";
}

/// <summary>
/// A third in-process server, for the saved-query tests (issue 11, suite-speed4): they count the executions the server
/// accepts from its log between two markers, so no other class may submit meanwhile, and a collection of their own runs
/// beside the other two instead of lengthening one of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessSavedQueryCollection : ICollectionFixture<InProcessSharedServer>
{
    public const string Name = "in-process saved-query server";
}
