using System.Diagnostics;
using System.Diagnostics.Metrics;
using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Application.Observability;

/// <summary>
/// Strata's own instruments, on the <see cref="MeterName"/> meter of System.Diagnostics.Metrics: the
/// host exports them (Prometheus at <c>/metrics</c>); this layer knows no exporter. Tags are closed
/// sets (tier, state, format, reason): never an owner, a key, an id or SQL.
/// </summary>
public sealed class StrataMetrics
{
    public const string MeterName = "Strata";

    /// <summary>Bucket bounds in seconds for queue waits and run times: 5 ms to the 30-minute default timeout.</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    private readonly Counter<long> submitted;
    private readonly Counter<long> finished;
    private readonly UpDownCounter<long> running;
    private readonly Histogram<double> queueWait;
    private readonly Histogram<double> executionTime;
    private readonly Counter<long> bytesWritten;
    private readonly Counter<long> bytesServed;
    private readonly Counter<long> rejections;

    public StrataMetrics(IMeterFactory meters, IExecutionQueue queue)
    {
        var meter = meters.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets };
        submitted = meter.CreateCounter<long>("strata.executions.submitted", "{execution}", "Executions accepted and queued, by tier");
        finished = meter.CreateCounter<long>("strata.executions.finished", "{execution}", "Executions that reached a terminal state, by state and tier");
        running = meter.CreateUpDownCounter<long>("strata.executions.running", "{execution}", "Executions running now, by tier");
        meter.CreateObservableGauge("strata.queue.depth", () => Enum.GetValues<PerformanceTier>().Select(t =>
            new Measurement<int>(queue.Depth(t), new KeyValuePair<string, object?>("tier", t.ToWire()))),
            "{execution}", "Pending executions waiting for a slot, by tier");
        queueWait = meter.CreateHistogram("strata.execution.queue_wait", "s", "Time from submission to the start of a run, by tier", advice: advice);
        executionTime = meter.CreateHistogram("strata.execution.duration", "s", "Time from the start of a run to its end, by tier and state", advice: advice);
        bytesWritten = meter.CreateCounter<long>("strata.results.written", "By", "Result bytes written by finished executions");
        bytesServed = meter.CreateCounter<long>("strata.results.served", "By", "Result bytes sent in responses, by format (before compression)");
        rejections = meter.CreateCounter<long>("strata.rejections", "{request}", "Requests refused by a rate limit or a quota, by reason");
    }

    /// <summary>Reasons of <see cref="Rejected"/>.</summary>
    public static class Reasons
    {
        public const string RateLimit = "rate_limit";
        public const string QueuedQuota = "queued_quota";
        public const string TierQueueFull = "tier_queue_full";
        public const string StorageQuota = "storage_quota";
        public const string TablesQuota = "tables_quota";
        public const string PartsQuota = "parts_quota";
        public const string ViewsQuota = "views_quota";
        public const string EndpointsQuota = "endpoints_quota";

        /// <summary>A filtered, sorted or sampled result view past its owner's share (429).</summary>
        public const string ResultViews = "result_views";

        /// <summary>A result view that found every place taken for as long as it may wait (503).</summary>
        public const string ResultViewsBusy = "result_views_busy";

        /// <summary>A filtered or sorted Parquet download past the files written at once (503).</summary>
        public const string ParquetDownloads = "parquet_downloads";
    }

    public void Submitted(PerformanceTier tier) => submitted.Add(1, Tier(tier));

    /// <summary>A run began after waiting in the queue since submission.</summary>
    public void Started(PerformanceTier tier, TimeSpan waited)
    {
        running.Add(1, Tier(tier));
        queueWait.Record(Math.Max(0, waited.TotalSeconds), Tier(tier));
    }

    /// <summary>A run that <see cref="Started"/> is over, whatever its outcome (the slot is free again).</summary>
    public void Stopped(PerformanceTier tier) => running.Add(-1, Tier(tier));

    /// <summary>An execution reached a terminal state; <paramref name="ran"/> is its run time when it ran.</summary>
    public void Finished(PerformanceTier tier, ExecutionState state, TimeSpan? ran = null, long resultBytes = 0)
    {
        var tags = new TagList { { "tier", tier.ToWire() }, { "state", state.ToWire() } };
        finished.Add(1, tags);
        if (ran is { } duration)
        {
            executionTime.Record(Math.Max(0, duration.TotalSeconds), tags);
        }
        if (resultBytes > 0)
        {
            bytesWritten.Add(resultBytes);
        }
    }

    public void Served(string format, long bytes) => bytesServed.Add(bytes, new KeyValuePair<string, object?>("format", format));

    public void Rejected(string reason) => rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static KeyValuePair<string, object?> Tier(PerformanceTier tier) => new("tier", tier.ToWire());
}
