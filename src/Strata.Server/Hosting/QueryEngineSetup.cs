using Microsoft.Extensions.DependencyInjection.Extensions;
using Strata.Application.Configuration;
using Microsoft.Extensions.Options;
using Strata.Application.Engine;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Engine.DuckDb.Isolation;
using Strata.Server.Configuration;
using Strata.Storage.Files;

namespace Strata.Server.Hosting;

/// <summary>
/// The DuckDB adapters: the in-process <see cref="DuckDbEngine"/> (its names, its start-up sweep, and
/// the engine itself when isolation is off) and, by default, <see cref="IsolatedEngine"/>, which runs each
/// execution in a worker process started from this server's own program; the DuneSQL query-view syntax,
/// the table loader and the result-query engine. The only file of the server that names DuckDB types.
/// </summary>
public static partial class QueryEngineSetup
{
    public static IServiceCollection AddQueryEngine(this IServiceCollection services)
    {
        // A node alone scratches in <data>/tmp; a cluster node (AddPostgresCluster) in its own directory below it.
        services.TryAddSingleton(sp => NodeScratch.Alone(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir));
        services.AddOptions<EngineWorkerOptions>()
            .BindConfiguration(EngineWorkerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        foreach (string name in (string[])[ServerInstanceOptions.Loader, ServerInstanceOptions.ResultViews])
        {
            services.AddOptions<ServerInstanceOptions>(name)
                .BindConfiguration(ServerInstanceOptions.SectionOf(name))
                .ValidateDataAnnotations()
                .ValidateOnStart();
        }
        services.AddSingleton<IValidateOptions<ServerInstanceOptions>, WithinTheTiers>();
        services.AddSingleton<IValidateOptions<ResultViewLimitOptions>, ViewShareFloor>();
        services.AddSingleton(sp => new DuckDbEngine(EngineSettings(sp)));
        services.AddSingleton<IEngineNames>(sp => sp.GetRequiredService<DuckDbEngine>());
        services.AddSingleton<IEngineStartup>(sp => sp.GetRequiredService<DuckDbEngine>());
        services.AddSingleton<IQueryViewSyntax, DuneQueryViewSyntax>();
        services.AddSingleton<IChainTables>(sp => new DuckDbChainTables(DemoDatabase.PathIn(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir)));
        services.AddSingleton<IEngineProbe>(sp => new CachedEngineProbe(
            new DuckDbProbe(DemoDatabase.PathIn(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir)),
            sp.GetRequiredService<IOptions<Observability.HealthOptions>>().Value.EngineProbeTtl, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStatementTables, DuckDbStatementTables>();
        services.AddSingleton<IResultQueryEngine>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
            // A view runs on an instance of its own with its share of the limits: as many as the views that run at once.
            int views = sp.GetRequiredService<IOptions<ResultViewLimitOptions>>().Value.Concurrent;
            return new DuckDbResultQuery(Path.Combine(o.DataDir, "results"), OwnInstanceLimits(sp, ServerInstanceOptions.ResultViews, "result-views"), views: views);
        });
        services.AddSingleton<ITableLoader>(sp =>
        {
            return new DuckDbTableLoader(OwnInstanceLimits(sp, ServerInstanceOptions.Loader, "loader"));
        });
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
                StartTimeout = workers.StartTimeout,
            };
            return new IsolatedEngine(EngineSettings(sp), settings, message => WorkerMessage(logger, message));
        });
        return services;
    }

    /// <summary>
    /// The server's own DuckDB instances (the loader's, the result views') run with their own threads, memory limit and
    /// spill cap (<see cref="ServerInstanceOptions"/>; unset values are the medium tier's), spilling to
    /// <c>&lt;directory&gt;</c> of the node's scratch directory (<c>tmp/</c> of the data directory alone).
    /// </summary>
    private static DuckDbLimits OwnInstanceLimits(IServiceProvider sp, string name, string directory)
    {
        var medium = sp.GetRequiredService<IOptions<StrataOptions>>().Value.Medium;
        var own = sp.GetRequiredService<IOptionsMonitor<ServerInstanceOptions>>().Get(name);
        string section = ServerInstanceOptions.SectionOf(name);
        string source = own.MemoryLimit is null && own.MaxSpillBytes is null
            ? "the medium tier's"
            : $"{section}:MemoryLimit and {section}:MaxSpillBytes, unset ones the medium tier's";
        return new DuckDbLimits(
            own.Threads ?? medium.Threads,
            own.MemoryLimit ?? medium.MemoryLimit,
            Path.Combine(sp.GetRequiredService<NodeScratch>().Root, directory),
            own.MaxSpillBytes ?? medium.MaxSpillBytes)
        {
            Source = source,
        };
    }

    /// <summary>
    /// Refuses at start an own instance given more memory or temporary disk than the largest tier's (what one execution
    /// may use), naming the setting and the bound.
    /// </summary>
    private sealed class WithinTheTiers(IOptions<StrataOptions> strata) : IValidateOptions<ServerInstanceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServerInstanceOptions options) =>
            OwnInstanceError(ServerInstanceOptions.SectionOf(name ?? ""), options, strata.Value) is { } error
                ? ValidateOptionsResult.Fail(error)
                : ValidateOptionsResult.Success;
    }

    /// <summary>
    /// The least memory a result view's instance may have (8 MiB): with less, DuckDB cannot sort even a small result, so
    /// every view would fail past its share. <c>DuckDbLimitsTests</c> shows a sort at this share succeeding.
    /// </summary>
    internal const long MinViewShareBytes = 8L << 20;

    /// <summary>
    /// Refuses at start a <see cref="ResultViewLimitOptions.Concurrent"/> that splits the result views' memory limit into
    /// shares smaller than <see cref="MinViewShareBytes"/> (every view, however small, would fail past its share).
    /// </summary>
    private sealed class ViewShareFloor(IOptions<StrataOptions> strata, IOptionsMonitor<ServerInstanceOptions> instances) : IValidateOptions<ResultViewLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, ResultViewLimitOptions options) =>
            ViewShareError(options.Concurrent, instances.Get(ServerInstanceOptions.ResultViews).MemoryLimit, strata.Value) is { } error
                ? ValidateOptionsResult.Fail(error)
                : ValidateOptionsResult.Success;
    }

    /// <summary>Why <paramref name="views"/> views at once leave each too little of the result views' memory limit, or null.</summary>
    internal static string? ViewShareError(int views, string? memoryLimit, StrataOptions strata)
    {
        string limit = memoryLimit ?? strata.Medium.MemoryLimit;
        if (views < 1 || BytesOf(limit) is not { } bytes || bytes / views >= MinViewShareBytes)
        {
            return null;
        }
        string source = memoryLimit is null ? "the medium tier's, Strata:Medium:MemoryLimit" : "Strata:ResultViews:MemoryLimit";
        return $"Strata:ResultViews:Concurrent is {views}: the result views' memory limit {limit} ({source}) shared by {views} views "
            + $"leaves {bytes / views} bytes to each, less than a view's least share of {MinViewShareBytes} bytes (8 MiB); "
            + "lower Strata:ResultViews:Concurrent or raise Strata:ResultViews:MemoryLimit";
    }

    /// <summary>Why an own instance's settings go past the tiers', or null when they do not.</summary>
    internal static string? OwnInstanceError(string section, ServerInstanceOptions options, StrataOptions strata)
    {
        var tiers = new[] { ("Strata:Medium", strata.Medium), ("Strata:Large", strata.Large) };
        if (options.MemoryLimit is { } memory && BytesOf(memory) is { } bytes)
        {
            var (tier, most) = tiers.MaxBy(t => BytesOf(t.Item2.MemoryLimit) ?? long.MaxValue);
            if (bytes > (BytesOf(most.MemoryLimit) ?? long.MaxValue))
            {
                return $"{section}:MemoryLimit is {memory}, more than the largest tier's memory limit ({tier}:MemoryLimit {most.MemoryLimit})";
            }
        }
        long spill = Math.Max(strata.Medium.MaxSpillBytes, strata.Large.MaxSpillBytes);
        if (options.MaxSpillBytes is { } cap && cap > spill)
        {
            return $"{section}:MaxSpillBytes is {cap}, more than the largest tier's spill cap ({spill} bytes)";
        }
        return null;
    }

    /// <summary>A memory limit in bytes, or null when malformed (the data annotations report that, naming the setting).</summary>
    private static long? BytesOf(string memoryLimit)
    {
        try
        {
            return EngineWorkerSettings.ParseBytes(memoryLimit);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Generates the demo database when the data directory has none (before the engine opens it).</summary>
    public static void PrepareEngineData(this IServiceProvider services, TextWriter output)
    {
        var o = services.GetRequiredService<IOptions<StrataOptions>>().Value;
        DemoDatabase.Ensure(o.DataDir, o.DemoScale, output);
    }

    private static WorkerTierSettings Tier(TierOptions tier, string name, long maxValueBytes) => new(
        tier.Slots,
        tier.WorkerMemoryBytes ?? EngineWorkerSettings.DefaultMemoryBytes(tier.MemoryLimit, maxValueBytes),
        $"Strata__{name}__WorkerMemoryBytes");

    private static DuckDbEngineSettings EngineSettings(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
        return new DuckDbEngineSettings(
            DemoDatabase.PathIn(o.DataDir),
            sp.GetRequiredService<NodeScratch>().Root,
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
