using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Core.Views;

namespace Strata.Tests.Contracts;

/// <summary>The metadata ports of one store implementation, each as its interface.</summary>
public sealed record StorePorts(IKeyStore Keys, IExecutionStore Executions, IQueryStore Queries, ITableStore Tables, ITablePartStore Parts, IUsageStore Usage,
    IEndpointStore Endpoints, IViewStore Views, IPipelineStore Pipelines)
{
    public static StorePorts Of(IMetadataStore store) => new(store, store, store, store, store, store, store, store, store);
}

/// <summary>
/// The base of the store contract tests: each test gets new, empty, initialised stores from
/// <see cref="CreateStoresAsync"/>, the only thing an implementation's subclass provides (SQLite now,
/// PostgreSQL later). The tests use the port interfaces alone.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    /// <summary>A fixed clock reading; the stores keep microseconds, so whole seconds compare exactly.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private StorePorts? stores;

    protected StorePorts Stores => stores ?? throw new InvalidOperationException("The stores are made in InitializeAsync.");

    /// <summary>New, empty stores with their schema in place.</summary>
    protected abstract Task<StorePorts> CreateStoresAsync();

    /// <summary>Releases what <see cref="CreateStoresAsync"/> made (files, databases).</summary>
    protected abstract Task DeleteStoresAsync();

    public async Task InitializeAsync() => stores = await CreateStoresAsync();

    public Task DisposeAsync() => DeleteStoresAsync();

    protected static CancellationToken None => CancellationToken.None;

    protected static Execution NewExecution(string owner = "alice", PerformanceTier tier = PerformanceTier.Medium, DateTimeOffset? submittedAt = null) => new()
    {
        Id = ExecutionIds.New(),
        Owner = owner,
        Sql = "SELECT 1",
        Tier = tier,
        State = ExecutionState.Pending,
        SubmittedAt = submittedAt ?? T0,
    };

    /// <summary>Inserts an execution and runs it to COMPLETED with a result of the given size.</summary>
    protected async Task<Execution> CompletedAsync(string owner, long resultBytes, DateTimeOffset endedAt, DateTimeOffset? expiresAt, string? reuseKey = null)
    {
        var execution = NewExecution(owner) with { ReuseKey = reuseKey };
        await Stores.Executions.InsertExecutionAsync(execution, null, None);
        Assert.True(await Stores.Executions.TryStartAsync(execution.Id, endedAt, None));
        var result = new ResultInfo(["x"], ["integer"], 1, resultBytes);
        Assert.True(await Stores.Executions.TryFinishAsync(execution.Id, new ExecutionOutcome(ExecutionState.Completed, endedAt, expiresAt, Result: result), None));
        return execution;
    }
}
