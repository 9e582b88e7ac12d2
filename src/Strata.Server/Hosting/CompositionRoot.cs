using Microsoft.Extensions.Options;
using Strata.Application.Catalog;
using Strata.Application.Configuration;
using Strata.Application.Engine;
using Strata.Application.Executions;
using Strata.Application.Keys;
using Strata.Application.Queries;
using Strata.Application.Views;
using Strata.Cluster.Postgres;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Core.Views;
using Strata.Metadata.Postgres;
using Strata.Metadata.Sqlite;
using Strata.Server.Configuration;
using Strata.Application.Uploads;
using Strata.Storage.Files;
using Strata.Storage.Files.Results;
using Strata.Storage.Files.Uploads;

namespace Strata.Server.Hosting;

/// <summary>The server's parts, one extension per area; the only place besides the engine set-up that names concrete adapters.</summary>
public static class CompositionRoot
{
    /// <summary>Every settings class, bound and validated at start (a bad setting stops start-up naming it).</summary>
    public static IServiceCollection AddStrataOptions(this IServiceCollection services)
    {
        services.AddOptions<StrataOptions>()
            .BindConfiguration(StrataOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Medium.Slots >= 1 && o.Large.Slots >= 1, "Strata:Medium/Large slots must be at least 1")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StrataOptions>, NestedTierValidation>();
        services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResultValueOptions>().BindConfiguration(StrataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TableQuotaOptions>().BindConfiguration(TableQuotaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The metadata store, registered as each narrow store too: PostgreSQL when Strata:Metadata
    /// (STRATA_METADATA) holds a connection string, else the embedded SQLite database in the data directory.
    /// </summary>
    public static IServiceCollection AddMetadataStore(this IServiceCollection services)
    {
        services.AddSingleton<IMetadataStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
            if (MetadataSettingError(options) is { } error)
            {
                throw new InvalidOperationException($"Strata:Metadata (STRATA_METADATA): {error}");
            }
            return string.IsNullOrWhiteSpace(options.Metadata)
                ? new SqliteMetadataStore(Path.Combine(options.DataDir, "metadata.db"))
                // A cluster node's store is made with the node's id (AddPostgresCluster): its starts and ends need that node's claim.
                : new PostgresMetadataStore(options.Metadata, sp.GetService<ClusterNode>()?.Id);
        });
        services.AddSingleton<IKeyStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IExecutionStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IQueryStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<ITableStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<ITablePartStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IUsageStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IEndpointStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IViewStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IPipelineStore>(sp => sp.GetRequiredService<IMetadataStore>());
        return services;
    }

    /// <summary>Result files, uploaded-table parts and the storage quota over both.</summary>
    public static IServiceCollection AddLocalFiles(this IServiceCollection services)
    {
        // Taken first by PrepareAsync, held until the container (the process) ends: one server alone per data directory.
        services.AddSingleton(sp => DataDirectoryLock.Acquire(DataDir(sp),
            shared: !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<StrataOptions>>().Value.Metadata)));
        services.AddSingleton<IResultFileSizes>(sp => new ResultFileSizes(Path.Combine(DataDir(sp), "results")));
        services.AddSingleton<StorageUsage>();
        services.AddSingleton<IStorageQuota>(sp => sp.GetRequiredService<StorageUsage>());
        // The result store reports each file written and deleted: to the store every node shares when it keeps the
        // result bytes (PostgreSQL), else to this process's running total.
        services.AddSingleton<IResultFileObserver>(sp => sp.GetRequiredService<IMetadataStore>() is IResultBytesStore shared
            ? new SharedResultBytes(shared, sp.GetRequiredService<IResultFileSizes>(), sp.GetRequiredService<ILogger<SharedResultBytes>>())
            : sp.GetRequiredService<StorageUsage>());
        services.AddSingleton<IResultStore>(sp =>
            new LocalResultStore(Path.Combine(DataDir(sp), "results"), observer: sp.GetRequiredService<IResultFileObserver>()));
        services.AddSingleton<IParquetWriter, ParquetFileWriter>();
        // Nodes sharing the data directory do not see each other's queries: a part one node drops (compaction, clear,
        // delete, replace) stays on disk for as long as another node's query that listed it may run.
        services.AddSingleton(sp => new PartFiles(Path.Combine(DataDir(sp), "uploads"),
            PartDropGrace(sp.GetRequiredService<IOptions<StrataOptions>>().Value)));
        services.AddSingleton<IPartFiles>(sp => sp.GetRequiredService<PartFiles>());
        services.AddSingleton<PartCompactor>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<ITableSnapshots>(sp => sp.GetRequiredService<UploadService>());
        services.AddSingleton<IViewTables, ViewTables>();
        return services;
    }

    /// <summary>The use cases and the ports they own (queue, signals, engine catalog) in their embedded form.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IEngineCatalog>(sp => new SingleEngineCatalog(sp.GetRequiredService<IQueryEngine>()));
        services.AddSingleton<IExecutionQueue>(sp => FairQueue.For(
            sp.GetRequiredService<IOptions<StrataOptions>>().Value, sp.GetRequiredService<IOptions<QuotaOptions>>().Value));
        services.AddSingleton<IExecutionSignals, LocalExecutionSignals>();
        services.AddSingleton(sp => new QueryReferences(
            sp.GetRequiredService<IQueryStore>(), sp.GetRequiredService<IQueryViewSyntax>(),
            sp.GetRequiredService<IOptions<HttpSafetyOptions>>().Value.MaxSqlBytes));
        services.AddSingleton<ExecutionService>();
        services.AddSingleton(sp => new SavedQueries(
            sp.GetRequiredService<IQueryStore>(), sp.GetRequiredService<IExecutionStore>(), sp.GetRequiredService<IStorageQuota>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HttpSafetyOptions>>().Value.MaxSqlBytes));
        services.AddSingleton<SavedQueryRuns>();
        services.AddSingleton<PublicResults>();
        services.AddSingleton<QueryEndpoints>();
        // Dataset sources in order: a later source's dataset replaces an earlier one of the same full name.
        services.AddSingleton<IDatasetSource, ChainDatasets>();
        services.AddSingleton<IDatasetSource, UploadedDatasets>();
        services.AddSingleton<IDatasetSource, ViewDatasets>();
        services.AddSingleton<DatasetCatalog>();
        services.AddSingleton<ApiKeyResolver>();
        services.AddHostedService<ExecutionWorkers>();
        services.AddHostedService<ResultExpirySweeper>();
        services.AddSingleton<MaterializedViews>();
        services.AddSingleton<ViewScheduler>();
        services.AddSingleton<Pipelines>();
        services.AddHostedService<ViewWorkers>();
        services.AddChainFollowers();
        return services;
    }

    /// <summary>Nodes sharing the data directory: a leftover upload file goes at start-up only once nobody wrote it for this long.</summary>
    public static readonly TimeSpan SharedUploadGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a dropped table part stays on disk: nothing extra for a node alone (it deletes a part once none of its
    /// queries holds it); for nodes sharing the data directory (<c>Strata:Metadata</c> set), the longest execution
    /// timeout of any tier and five minutes, since a query on another node may have listed the part just before.
    /// </summary>
    public static TimeSpan PartDropGrace(StrataOptions options) => string.IsNullOrWhiteSpace(options.Metadata)
        ? TimeSpan.Zero
        : Enum.GetValues<PerformanceTier>().Max(t => options.TierOf(t).Timeout) + TimeSpan.FromMinutes(5);

    /// <summary>
    /// What runs once before the server accepts requests: the data directory's permissions, the schema,
    /// the engine's data and leftovers, the keys, and the upload files no table lists.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app, TextWriter output)
    {
        var options = app.Services.GetRequiredService<IOptions<StrataOptions>>().Value;
        DataDirectoryPermissions.Restrict(options.DataDir);
        // Before anything reads or sweeps the directory: a second server on it is refused here, naming the first's pid.
        app.Services.GetRequiredService<DataDirectoryLock>();
        var store = app.Services.GetRequiredService<IMetadataStore>();
        await store.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        output.WriteLine(store is PostgresMetadataStore postgres
            ? $"Strata metadata: PostgreSQL {postgres.Database} (schema version {PostgresMetadataStore.SchemaVersion})"
            : $"Strata metadata: SQLite in {options.DataDir} (schema version {SqliteMetadataStore.SchemaVersion})");
        app.Services.PrepareEngineData(output);
        var names = app.Services.GetRequiredService<IEngineNames>();
        await KeyProvisioning.EnsureKeysAsync(options.ApiKeys, store, output, CancellationToken.None, names.DemoSchemas.Concat(names.ReservedWords)).ConfigureAwait(false);
        // Left by a crash: spooled bodies, half-written parts, parts of inserts that never committed. On a data directory
        // shared with other nodes, one of theirs may be in flight: only what nobody has written for a while goes.
        bool shared = app.Services.GetRequiredService<IExecutionQueue>().SharedAcrossNodes;
        // A part another node dropped is kept as long as that node keeps it (its write time is the drop).
        int swept = app.Services.GetRequiredService<PartFiles>().Sweep(await store.AllPartFilesAsync(CancellationToken.None).ConfigureAwait(false),
            shared ? Max(SharedUploadGrace, PartDropGrace(options)) : TimeSpan.Zero);
        output.WriteLine($"Start-up removed {swept} uncommitted or temporary upload files");
        if (app.Services.GetRequiredService<IResultFileObserver>() is SharedResultBytes resultBytes)
        {
            // Results some node wrote or deleted while the database was away, or stored before the shared total existed.
            var reconciled = await resultBytes.ReconcileAsync(complete: true, CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"Start-up reconciled the shared result bytes: {reconciled.ResultsMeasured} stored results measured, {reconciled.RowsRemoved} stale file rows removed");
        }
        // Left by executions that never ended: their spill directories (this node's own scratch only), and the scratch
        // directories of cluster nodes that are gone.
        var scratch = app.Services.GetRequiredService<NodeScratch>();
        scratch.Touch();
        int spill = app.Services.GetRequiredService<IEngineStartup>().SweepLeftovers();
        int dead = scratch.SweepDeadNodes(DateTime.UtcNow);
        if (scratch.Node is null)
        {
            output.WriteLine($"Start-up removed {spill} leftover spill directories");
            return;
        }
        // Spill of nodes of versions before per-node scratch, in the shared tmp/executions: only when none of them runs anything.
        var running = await app.Services.GetRequiredService<PostgresExecutionQueue>().RunningNodesAsync(CancellationToken.None).ConfigureAwait(false);
        int legacy = scratch.SweepLegacySpill(DateTime.UtcNow, running);
        output.WriteLine($"Start-up removed {spill} leftover spill directories, the scratch directories of {dead} stopped nodes and {legacy} spill directories of earlier versions");
    }

    /// <summary>Why Strata:Metadata cannot be used, or null when it is empty (SQLite) or a usable connection string.</summary>
    private static string? MetadataSettingError(StrataOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Metadata))
        {
            return null;
        }
        try
        {
            PostgresMetadataStore.ParseConnectionString(options.Metadata);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string DataDir(IServiceProvider sp) => sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir;
}
