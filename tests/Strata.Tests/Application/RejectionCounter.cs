using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Application.Observability;

namespace Strata.Tests.Application;

/// <summary>
/// A <see cref="StrataMetrics"/> of its own meter factory, and the <c>strata.rejections</c> it records by reason
/// (a listener on that factory's meter only, so other tests' servers in the process do not count).
/// </summary>
internal sealed class RejectionCounter : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> byReason = new();

    public RejectionCounter()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        Metrics = new StrataMetrics(factory, FairQueue.For(new StrataOptions(), new QuotaOptions()));
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "strata.rejections")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    byReason.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
                }
            }
        });
        listener.Start();
    }

    public StrataMetrics Metrics { get; }

    public long Count(string reason) => byReason.TryGetValue(reason, out long n) ? n : 0;

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
    }
}
