using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Core.Engine;
using Strata.Core.Storage;

namespace Strata.Server.Observability;

/// <summary>Readiness settings, bound from "Strata:Health" (env: <c>Strata__Health__MinFreeDiskBytes</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Strata:Health";

    /// <summary>Free bytes the data directory's file system must have for the server to be ready.</summary>
    [Range(0, long.MaxValue)]
    public long MinFreeDiskBytes { get; set; } = 1L << 30;

    /// <summary>How long the store and the engine have to answer a readiness probe.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an engine probe's outcome answers later readiness requests. <c>/readyz</c> needs no key and
    /// has no rate limit, and each probe opens a DuckDB instance: requests share the probe in flight and
    /// reuse its outcome this long, so no request rate makes the server run more than one probe at a time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ProbeReuse { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The metadata store answers an indexed read within the probe timeout (a locked or missing database does not).</summary>
internal sealed class MetadataStoreCheck(IKeyStore keys, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A hash no key has: one index lookup, no row.
            await keys.FindKeyAsync("readiness-probe", cancellationToken).WaitAsync(options.Value.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("answers");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"no answer within {options.Value.ProbeTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"fails: {e.GetType().Name}");
        }
    }
}

/// <summary>
/// The engine probe shared by every readiness request: at most one runs at a time (a request that comes while
/// one runs waits for that one), and an ended probe's outcome answers for <see cref="HealthOptions.ProbeReuse"/>.
/// A probe runs without any request's token: a request that stops waiting does not stop it for the others.
/// </summary>
internal sealed class EngineProbeGate(IEngineProbe engine, IOptions<HealthOptions> options)
{
    private readonly object gate = new();
    private Task? probe;
    private long endedAt;

    public Task ProbeAsync()
    {
        lock (gate)
        {
            if (probe is not null && (!probe.IsCompleted || Environment.TickCount64 - Volatile.Read(ref endedAt) < options.Value.ProbeReuse.TotalMilliseconds))
            {
                return probe;
            }
            probe = RunAsync();
            return probe;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await engine.ProbeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref endedAt, Environment.TickCount64);
        }
    }
}

/// <summary>The query engine answers its probe within the probe timeout.</summary>
internal sealed class EngineCheck(EngineProbeGate engine, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await engine.ProbeAsync().WaitAsync(options.Value.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("answers");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"no answer within {options.Value.ProbeTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"fails: {e.GetType().Name}");
        }
    }
}

/// <summary>The data directory's file system has at least <see cref="HealthOptions.MinFreeDiskBytes"/> free.</summary>
internal sealed class DiskCheck(IOptions<StrataOptions> strata, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long free = new DriveInfo(Path.GetFullPath(strata.Value.DataDir)).AvailableFreeSpace;
        long needed = options.Value.MinFreeDiskBytes;
        return Task.FromResult(free >= needed
            ? HealthCheckResult.Healthy($"{free} bytes free")
            : HealthCheckResult.Unhealthy($"{free} bytes free, fewer than Strata:Health:MinFreeDiskBytes ({needed})"));
    }
}

/// <summary>The bodies of <c>/healthz</c> and <c>/readyz</c>: compact JSON, one entry per check.</summary>
internal static class HealthResponses
{
    public const string ReadyTag = "ready";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("status", report.Status == HealthStatus.Healthy ? "ok" : "unavailable");
            if (report.Entries.Count > 0)
            {
                w.WriteStartObject("checks");
                foreach (var (name, entry) in report.Entries)
                {
                    w.WriteStartObject(name);
                    w.WriteString("status", entry.Status == HealthStatus.Healthy ? "ok" : "unavailable");
                    w.WriteString("detail", entry.Description);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }
}
