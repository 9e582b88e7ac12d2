using Microsoft.Extensions.DependencyInjection;
using Strata.Core.Engine;
using Strata.Core.Security;
using Strata.Core.Storage;

namespace Strata.Tests.Operations;

/// <summary>A metadata store that stops answering on demand, as a locked or lost database does.</summary>
public sealed class SwitchableKeyStore(IKeyStore inner) : IKeyStore
{
    public volatile bool Down;

    public async Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (Down)
        {
            // A database held by another writer: the call waits, then gives up.
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            throw new InvalidOperationException("database is locked");
        }
        return await inner.FindKeyAsync(keyHash, cancellationToken);
    }

    public Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken) => inner.AddKeyAsync(handle, keyHash, keyPrefix, cancellationToken);

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken) => inner.ListKeysAsync(cancellationToken);

    public Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken) => inner.RevokeKeyAsync(keyId, cancellationToken);

    public Task MarkKeyUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken) => inner.MarkKeyUsedAsync(keyId, at, cancellationToken);
}

/// <summary>One in-process server whose key store can be switched off, with one unauthenticated request a minute.</summary>
public sealed class HealthHost : IDisposable
{
    public HealthHost()
    {
        Host = new OpsHost(
            new Dictionary<string, string>
            {
                ["Strata:RateLimits:UnauthenticatedPerMinute"] = "1",
                // The store-down case waits this long for the store; the engine's probe shares the bound, and
                // under a loaded CI machine opening the demo database has taken over 2 s.
                ["Strata:Health:ProbeTimeout"] = "00:00:10",
                // These tests break and mend the engine between requests and expect readiness to follow at once;
                // the reuse of a probe's answer for a period is CachedEngineProbeTests' (with a fake clock).
                ["Strata:Health:EngineProbeTtl"] = "00:00:00",
            },
            services => services.AddSingleton<IKeyStore>(sp => Store = new SwitchableKeyStore(sp.GetRequiredService<IMetadataStore>())));
        _ = Host.Services.GetRequiredService<IKeyStore>();
    }

    public OpsHost Host { get; }

    public SwitchableKeyStore Store { get; private set; } = null!;

    public void Dispose() => Host.Dispose();
}

/// <summary>/healthz and /readyz: no key, no rate limit; readiness names what is down (store, engine, disk).</summary>
public sealed class HealthTests(HealthHost fixture) : IClassFixture<HealthHost>
{
    private HttpClient Anonymous => fixture.Host.Anonymous;

    [Fact]
    public async Task Liveness_readiness_and_metrics_answer_without_a_key_and_outside_the_rate_limits()
    {
        for (int i = 0; i < 4; i++)
        {
            var (status, body, _) = await Anonymous.GetJsonAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("ok", body!["status"]!.GetValue<string>());
            (status, body, _) = await Anonymous.GetJsonAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (string check in new[] { "store", "engine", "disk" })
            {
                Assert.Equal("ok", body!["checks"]![check]!["status"]!.GetValue<string>());
            }
            using var metrics = await Anonymous.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
        // The API routes are limited to one unauthenticated request a minute here: the second is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/queries")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Anonymous.GetAsync("/api/v1/queries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_store_while_the_store_does_not_answer_and_ok_again_after()
    {
        fixture.Store.Down = true;
        try
        {
            var (status, body, _) = await Anonymous.GetJsonAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("unavailable", body!["status"]!.GetValue<string>());
            Assert.Equal("unavailable", body["checks"]!["store"]!["status"]!.GetValue<string>());
            Assert.Contains("no answer within 10 s", body["checks"]!["store"]!["detail"]!.GetValue<string>());
            Assert.Equal("ok", body["checks"]!["engine"]!["status"]!.GetValue<string>());
            // The process is alive all the same.
            Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            fixture.Store.Down = false;
        }
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_engine_while_its_database_is_missing()
    {
        string demo = Path.Combine(fixture.Host.Factory.DataDir, "demo.duckdb");
        File.Move(demo, demo + ".away");
        try
        {
            var (status, body, _) = await Anonymous.GetJsonAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("unavailable", body!["checks"]!["engine"]!["status"]!.GetValue<string>());
            Assert.Equal("ok", body["checks"]!["store"]!["status"]!.GetValue<string>());
        }
        finally
        {
            File.Move(demo + ".away", demo);
        }
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_disk_when_it_has_less_room_than_required()
    {
        using var host = new OpsHost(new Dictionary<string, string> { ["Strata:Health:MinFreeDiskBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var (status, body, _) = await host.Anonymous.GetJsonAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unavailable", body!["checks"]!["disk"]!["status"]!.GetValue<string>());
        Assert.Contains("Strata:Health:MinFreeDiskBytes", body["checks"]!["disk"]!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_readiness_requests_share_one_engine_probe()
    {
        var probe = new HeldProbe();
        using var host = new OpsHost(
            new Dictionary<string, string> { ["Strata:Health:ProbeTimeout"] = "00:05:00" },
            services => services.AddSingleton<IEngineProbe>(new Strata.Application.Engine.CachedEngineProbe(probe, TimeSpan.FromMinutes(1), TimeProvider.System)));

        // Before: every anonymous /readyz opened its own DuckDB instance, with no rate limit and no bound.
        var requests = Enumerable.Range(0, 40).Select(_ => host.Anonymous.GetAsync("/readyz")).ToList();
        await probe.Started.Task.WaitAsync(Api.HangGuard);
        probe.Release.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, probe.Calls);
        // Within the reuse period the outcome answers again without a probe.
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/readyz")).StatusCode);
        Assert.Equal(1, probe.Calls);
    }

    /// <summary>An engine probe that counts its calls and answers once released.</summary>
    private sealed class HeldProbe : IEngineProbe
    {
        private int calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref calls);

        public async Task ProbeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }
}
