extern alias server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Strata.Reliability;

namespace Strata.Tests.Operations;

/// <summary>
/// The real server pipeline in process (<see cref="InProcessStrata"/>: Program, middleware, stores, the engine
/// in process) on a fresh data directory, removed on dispose. Alice's key is <see cref="Key"/>.
/// </summary>
public sealed class OpsHost : IDisposable
{
    public const string Key = "ops-test-key-0001";

    private readonly string dir = Path.Combine(Path.GetTempPath(), "strata-ops-" + Guid.NewGuid().ToString("N"));

    public OpsHost()
        : this(null, null)
    {
    }

    internal OpsHost(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string> { ["Strata:ApiKeys"] = $"alice:{Key}" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }
        if (!DemoTemplate.PicksScale(all))
        {
            Directory.CreateDirectory(dir);
            DemoTemplate.CopyInto(dir, DemoTemplate.InProcessStrataScale);
        }
        Factory = new InProcessStrata(dir, all);
        App = services is null
            ? Factory
            : Factory.WithWebHostBuilder(b => b.ConfigureServices(services));
        Alice = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Alice.DefaultRequestHeaders.Add("X-Dune-API-Key", Key);
        Anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    internal InProcessStrata Factory { get; }

    public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<server::Program> App { get; }

    public HttpClient Alice { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => App.Services;

    public void Dispose()
    {
        Alice.Dispose();
        Anonymous.Dispose();
        if (!ReferenceEquals(App, Factory))
        {
            App.Dispose();
        }
        Factory.Dispose();
        StrataServer.TryDelete(dir);
    }
}
