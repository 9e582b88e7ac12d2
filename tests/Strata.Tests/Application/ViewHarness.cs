using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Application.Queries;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.Application;

/// <summary>
/// The view, schedule and pipeline use cases over <see cref="ExecutionHarness"/> (real SQLite store, fake
/// engine, fake clock), with DuckDB's parser for table references and a fake table writer that records
/// which refresh replaced which view. <see cref="RestartAsync"/> builds them anew over the same store.
/// </summary>
internal sealed class ViewHarness : IAsyncDisposable
{
    private readonly Strata.Application.Observability.StrataMetrics? metrics;

    private ViewHarness(ExecutionHarness executions, Strata.Application.Observability.StrataMetrics? metrics)
    {
        Executions = executions;
        this.metrics = metrics;
        Build();
    }

    public ExecutionHarness Executions { get; }

    public FakeViewTables Tables { get; } = new();

    public MaterializedViews Views { get; private set; } = null!;

    public Pipelines Pipelines { get; private set; } = null!;

    public ViewScheduler Scheduler { get; private set; } = null!;

    public static async Task<ViewHarness> CreateAsync(Action<Strata.Application.Configuration.StrataOptions>? configure = null,
        Strata.Application.Observability.StrataMetrics? metrics = null)
    {
        var executions = await ExecutionHarness.CreateAsync(configure);
        return new ViewHarness(executions, metrics);
    }

    private void Build()
    {
        var h = Executions;
        var queries = new SavedQueries(h.Store, h.Store, h.Storage, h.Time);
        Views = new MaterializedViews(h.Store, h.Store, h.Signals, queries, h.Service, Tables, h.Time, NullLogger<MaterializedViews>.Instance, metrics);
        Scheduler = new ViewScheduler(h.Store, Views, h.Time, NullLogger<ViewScheduler>.Instance);
        Pipelines = new Pipelines(h.Store, h.Store, queries, new QueryReferences(h.Store, new DuneQueryViewSyntax(), 1 << 20),
            new DuckDbStatementTables(), Views, h.Service, h.Store, h.Time, NullLogger<Pipelines>.Instance);
    }

    /// <summary>Stops everything and builds new services over the same store, as a new process would, after their recovery.</summary>
    public async Task RestartAsync()
    {
        await Pipelines.StopAsync();
        await Views.StopAsync();
        await Executions.RestartAsync();
        Build();
        await Views.RecoverAsync(CancellationToken.None);
        await Pipelines.RecoverAsync(CancellationToken.None);
    }

    /// <summary>A saved DuneSQL query of the owner.</summary>
    public async Task<long> QueryAsync(string owner, string sql, bool isPrivate = false) =>
        await Executions.Queries.CreateAsync(owner, new SavedQueryDraft("q", sql, "", [], [], isPrivate, SqlDialect.DuneSql), CancellationToken.None);

    /// <summary>A view stored directly (no first refresh), as if made earlier.</summary>
    public async Task<MaterializedView> ViewAsync(string owner, string name, string sql, bool isPrivate = false, string? cron = null)
    {
        long queryId = await QueryAsync(owner, sql, isPrivate);
        return await Executions.Store.UpsertViewAsync(new MaterializedView
        {
            Owner = owner,
            Name = name,
            QueryId = queryId,
            IsPrivate = isPrivate,
            Cron = cron,
            CreatedAt = Executions.Time.GetUtcNow(),
            UpdatedAt = Executions.Time.GetUtcNow(),
        }, CancellationToken.None);
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<PipelineRun> PipelineAsync(string id) => (await Executions.Store.GetPipelineAsync(id, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await Pipelines.StopAsync();
        await Views.StopAsync();
        await Executions.DisposeAsync();
    }
}

/// <summary>An <see cref="IViewTables"/> that records each replace in order and fails for the views told to.</summary>
internal sealed class FakeViewTables : IViewTables
{
    public ConcurrentQueue<(string View, string ExecutionId)> Replaced { get; } = new();

    public ConcurrentDictionary<string, string> Failing { get; } = new(StringComparer.Ordinal);

    public Task<long> ReplaceAsync(MaterializedView view, string executionId, CancellationToken cancellationToken)
    {
        if (Failing.TryGetValue(view.Name, out var message))
        {
            throw new ViewTableException(message);
        }
        Replaced.Enqueue((view.Name, executionId));
        return Task.FromResult(1L);
    }

    public Task DropAsync(string owner, string name, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The privacy each view's table was last given directly (not by a replace).</summary>
    public ConcurrentDictionary<string, bool> Privacy { get; } = new(StringComparer.Ordinal);

    public Task SetPrivateAsync(string owner, string name, bool isPrivate, CancellationToken cancellationToken)
    {
        Privacy[name] = isPrivate;
        return Task.CompletedTask;
    }

    /// <summary>Tables public as stored (owner, name), for the start-up privacy check.</summary>
    public ConcurrentDictionary<(string Owner, string Name), bool> Public { get; } = new();

    public Task<IReadOnlyList<(string Owner, string Name)>> PublicViewTablesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Owner, string Name)>>(Public.Keys.Where(k => !Privacy.TryGetValue(k.Name, out bool p) || !p).ToList());

    public Task<(long Bytes, long Rows)?> SizeAsync(string owner, string name, CancellationToken cancellationToken) =>
        Task.FromResult<(long, long)?>(Replaced.Any(r => r.View == name) ? (100, 1) : null);

    public Task<bool> ExistsAsync(string owner, string name, CancellationToken cancellationToken) => Task.FromResult(name == "result_upload");
}
