using Microsoft.Extensions.Options;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.Isolation;
using Strata.Server.Configuration;

namespace Strata.Server.Hosting;

/// <summary>
/// The query engine: the in-process <see cref="DuckDbEngine"/> (names, spill sweep, and the engine
/// itself when isolation is off) and, by default, <see cref="IsolatedEngine"/>, which runs each
/// execution in a worker process started from this server's own program.
/// </summary>
public static partial class QueryEngineSetup
{
    public static void AddQueryEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineWorkerOptions>()
            .BindConfiguration(EngineWorkerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new DuckDbEngine(EngineSettings(sp)));
        services.AddSingleton<IQueryEngine>(sp =>
        {
            var workers = sp.GetRequiredService<IOptions<EngineWorkerOptions>>().Value;
            if (!workers.Isolated)
            {
                return sp.GetRequiredService<DuckDbEngine>();
            }
            var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
            long maxValue = sp.GetRequiredService<IOptions<ResultValueOptions>>().Value.MaxValueBytes;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Strata.Engine.Workers");
            var settings = new EngineWorkerSettings(
                WorkerCommand.ForThisProcess(),
                new Dictionary<PerformanceTier, WorkerTierSettings>
                {
                    [PerformanceTier.Medium] = Tier(o.Medium, "Medium", maxValue),
                    [PerformanceTier.Large] = Tier(o.Large, "Large", maxValue),
                })
            {
                CancelGrace = workers.CancelGrace,
                MemoryPollInterval = workers.MemoryPollInterval,
            };
            return new IsolatedEngine(EngineSettings(sp), settings, message => WorkerMessage(logger, message));
        });
    }

    private static WorkerTierSettings Tier(TierOptions tier, string name, long maxValueBytes) => new(
        tier.Slots,
        tier.WorkerMemoryBytes ?? EngineWorkerSettings.DefaultMemoryBytes(tier.MemoryLimit, maxValueBytes),
        $"Strata__{name}__WorkerMemoryBytes");

    private static DuckDbEngineSettings EngineSettings(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
        return new DuckDbEngineSettings(
            StartupTasks.DemoDatabasePath(o),
            Path.Combine(o.DataDir, "tmp"),
            new Dictionary<PerformanceTier, DuckDbTierSettings>
            {
                [PerformanceTier.Medium] = new(o.Medium.Threads, o.Medium.MemoryLimit, o.Medium.MaxSpillBytes),
                [PerformanceTier.Large] = new(o.Large.Threads, o.Large.MemoryLimit, o.Large.MaxSpillBytes),
            })
        {
            MaxValueBytes = sp.GetRequiredService<IOptions<ResultValueOptions>>().Value.MaxValueBytes,
        };
    }

    [LoggerMessage(100, LogLevel.Warning, "{Message}")]
    private static partial void WorkerMessage(ILogger logger, string message);
}
