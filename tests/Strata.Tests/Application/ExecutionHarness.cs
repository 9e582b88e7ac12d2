using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Engine;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Metadata.Sqlite;

namespace Strata.Tests.Application;

/// <summary>
/// The execution use cases wired in process: the real SQLite store on a temporary file (its conditional
/// updates decide races, as in the server), the local result files in the same directory, the fair queue,
/// in-memory signals, a fake engine and a fake clock. <see cref="RestartAsync"/> builds a new service over the same store, as a new process would.
/// </summary>
internal sealed class ExecutionHarness : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-app-").FullName;
    private readonly List<(CancellationTokenSource Stop, Task Loop)> workers = [];

    private readonly Func<IExecutionQueue, IExecutionQueue> queueOf;

    public ExecutionHarness(Action<StrataOptions>? configure = null, QuotaOptions? quotas = null, Func<IExecutionQueue, IExecutionQueue>? queue = null)
    {
        queueOf = queue ?? (q => q);
        Options = new StrataOptions { DataDir = directory };
        configure?.Invoke(Options);
        Quotas = quotas ?? new QuotaOptions();
        Store = new SqliteMetadataStore(Path.Combine(directory, "metadata.db"));
        Results = new RecordingResultStore(Path.Combine(directory, "results"));
        Service = Build();
    }

    public StrataOptions Options { get; }

    public QuotaOptions Quotas { get; }

    public TimerWatchingClock Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SqliteMetadataStore Store { get; }

    public FakeEngine Engine { get; private set; } = new();

    public RecordingResultStore Results { get; }

    public FakeTableSnapshots Tables { get; } = new();

    public FakeStorageQuota Storage { get; } = new();

    public ExecutionService Service { get; private set; }

    /// <summary>The signals of the current service (new at each restart, as in a new process).</summary>
    public LocalExecutionSignals Signals { get; private set; } = new();

    public SavedQueries Queries => new(Store, Store, Storage, Time);

    public async Task InitializeAsync() => await Store.InitializeAsync(CancellationToken.None);

    /// <summary>A harness with its store's schema created.</summary>
    public static async Task<ExecutionHarness> CreateAsync(Action<StrataOptions>? configure = null, QuotaOptions? quotas = null, Func<IExecutionQueue, IExecutionQueue>? queue = null)
    {
        var h = new ExecutionHarness(configure, quotas, queue);
        await h.InitializeAsync();
        return h;
    }

    private ExecutionService Build() => new(
        Store,
        Results,
        new SingleEngineCatalog(Engine),
        Tables,
        Storage,
        new QueryReferences(Store, new DuneQueryViewSyntax(), 1 << 20),
        queueOf(FairQueue.For(Options, Quotas)),
        Signals = new LocalExecutionSignals(),
        Microsoft.Extensions.Options.Options.Create(Options),
        Time,
        NullLogger<ExecutionService>.Instance);

    /// <summary>Starts one worker loop of a tier; it runs until <see cref="StopWorkersAsync"/>.</summary>
    public void StartWorker(PerformanceTier tier = PerformanceTier.Medium)
    {
        var stop = new CancellationTokenSource();
        var service = Service;
        workers.Add((stop, Task.Run(() => service.RunWorkerAsync(tier, stop.Token))));
    }

    /// <summary>Stops the worker loops as a graceful shutdown does (running executions are handed back) and waits for them.</summary>
    public async Task StopWorkersAsync()
    {
        foreach (var (stop, _) in workers)
        {
            await stop.CancelAsync();
        }
        await Task.WhenAll(workers.Select(w => w.Loop));
        foreach (var (stop, _) in workers)
        {
            stop.Dispose();
        }
        workers.Clear();
    }

    /// <summary>A new service and engine over the same store, as after a process restart; nothing of the old queue survives.</summary>
    public async Task RestartAsync()
    {
        await StopWorkersAsync();
        Engine = new FakeEngine();
        Service = Build();
        await Service.RecoverAsync(CancellationToken.None);
    }

    public Task<SubmitResult> SubmitAsync(string owner, string sql = "select 1", PerformanceTier tier = PerformanceTier.Medium, TimeSpan? maxAge = null, IdempotencyRequest? idempotency = null) =>
        Service.SubmitAsync(new SubmitRequest(owner, sql, tier, MaxAge: maxAge, Idempotency: idempotency), CancellationToken.None);

    public async Task<Execution> GetAsync(string id) => (await Store.GetExecutionAsync(id, CancellationToken.None))!;

    /// <summary>The execution once it is terminal: waits on the service's signal, never on the clock.</summary>
    public async Task<Execution> EndedAsync(string id)
    {
        var execution = await GetAsync(id);
        return await Service.WaitAsync(execution, TimeSpan.FromDays(1), CancellationToken.None).WaitAsync(Guard);
    }

    /// <summary>A real-time bound on any single wait of a test, so that a defect fails it instead of hanging the run.</summary>
    public static readonly TimeSpan Guard = Api.HangGuard;

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync();
        Directory.Delete(directory, recursive: true);
    }
}
