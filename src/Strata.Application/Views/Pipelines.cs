using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>A pipeline as it would run: its nodes in dependency order, the view each refresh node refreshes and the
/// submission of each query node (a lineage pipeline has one, last).</summary>
public sealed record PipelinePlan(IReadOnlyList<PipelineNode> Nodes, IReadOnlyDictionary<int, SubmitRequest> Queries, IReadOnlyDictionary<int, MaterializedView> Views,
    IReadOnlyDictionary<int, string>? Unplannable = null)
{
    /// <summary>The query node the pipeline ends with (the last query node).</summary>
    public SubmitRequest? Query => Nodes.LastOrDefault(n => Queries.ContainsKey(n.Id)) is { } last ? Queries[last.Id] : null;
}

/// <summary>
/// Pipelines: the caller's materialized views a query reads, found transitively from the table references of
/// the SQL (query_&lt;id&gt; views inlined first), refreshed in dependency order, then the query. Only the
/// caller's own views are refreshed (a refresh is the owner's to run); another owner's public view is read as
/// it stands. A cycle of views is Invalid.
/// </summary>
public sealed partial class Pipelines(
    IViewStore views,
    IQueryStore queryStore,
    SavedQueries queries,
    QueryReferences references,
    IStatementTables statements,
    MaterializedViews matviews,
    ExecutionService service,
    IPipelineStore store,
    TimeProvider time,
    ILogger<Pipelines> logger,
    IPipelineClaims? pipelineClaims = null)
{
    private readonly IPipelineClaims claims = pipelineClaims ?? new LocalPipelineClaims();

    /// <summary>How many views one pipeline may refresh.</summary>
    public const int MaxViews = 64;

    public const string NotFoundMessage = "Pipeline execution not found";

    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> runStops = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>The pipeline a run of the query with these parameters would execute.</summary>
    public async Task<PipelinePlan> PlanAsync(string caller, string queryId, PerformanceTier tier, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken)
    {
        var query = await queries.GetExecutableAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        var submit = SavedQueries.ExecutionOf(query, caller, tier, parameters, queries.MaxSqlBytes);
        var order = new List<(MaterializedView View, List<string> Reads)>();
        var done = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var direct = await ViewsReadAsync(submit.Parameters?.Sql ?? submit.Sql, query.Dialect, caller, query.Id, cancellationToken).ConfigureAwait(false);
        foreach (var view in direct)
        {
            await VisitAsync(view, path, done, order, caller, cancellationToken).ConfigureAwait(false);
        }
        var nodes = new List<PipelineNode>();
        var byNode = new Dictionary<int, MaterializedView>();
        foreach (var (view, reads) in order)
        {
            int id = nodes.Count + 1;
            nodes.Add(new PipelineNode(id, reads.Select(r => done[r]).ToList(), view.FullName, view.QueryId, tier));
            byNode[id] = view;
        }
        nodes.Add(new PipelineNode(nodes.Count + 1, direct.Select(v => done[v.FullName]).ToList(), null, query.Id, tier, Parameters: parameters));
        return new PipelinePlan(nodes, new Dictionary<int, SubmitRequest> { [nodes.Count] = submit }, byNode);
    }

    /// <summary>Depth-first: a view's dependencies are numbered before it; a view met again on the path is a cycle.</summary>
    private async Task VisitAsync(MaterializedView view, List<string> path, Dictionary<string, int> done,
        List<(MaterializedView View, List<string> Reads)> order, string caller, CancellationToken cancellationToken)
    {
        if (done.ContainsKey(view.FullName))
        {
            return;
        }
        if (path.Contains(view.FullName))
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"The materialized views form a cycle: {string.Join(" -> ", path.SkipWhile(p => p != view.FullName).Append(view.FullName))}; a view cannot read itself, directly or through others");
        }
        // The views on the path are not done yet: counting only the done ones let a chain of any length through.
        if (done.Count + path.Count >= MaxViews)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"The query reads more than {MaxViews} materialized views through its lineage");
        }
        path.Add(view.FullName);
        var reads = new List<string>();
        var query = await queryStore.GetQueryAsync(view.QueryId, cancellationToken).ConfigureAwait(false);
        if (query is not null)
        {
            string sql = query.Sql;
            try
            {
                sql = ParameterSubstitution.Apply(query.Sql, query.Parameters, new Dictionary<string, ParameterValue>(), queries.MaxSqlBytes).Sql;
            }
            catch (ParameterException)
            {
                // The refresh itself reports it.
            }
            foreach (var dependency in await ViewsReadAsync(sql, query.Dialect, caller, query.Id, cancellationToken).ConfigureAwait(false))
            {
                await VisitAsync(dependency, path, done, order, caller, cancellationToken).ConfigureAwait(false);
                reads.Add(dependency.FullName);
            }
        }
        path.RemoveAt(path.Count - 1);
        order.Add((view, reads));
        done[view.FullName] = order.Count;
    }

    /// <summary>The caller's views a text names (query_&lt;id&gt; references inlined first, as a run does).</summary>
    private async Task<IReadOnlyList<MaterializedView>> ViewsReadAsync(string sql, SqlDialect dialect, string caller, long selfId, CancellationToken cancellationToken)
    {
        string text = sql;
        if (dialect == SqlDialect.DuneSql)
        {
            try
            {
                text = (await references.ExpandAsync(sql, caller, selfId, cancellationToken).ConfigureAwait(false)).Sql;
            }
            catch (QueryFailedException)
            {
                // A reference that does not resolve fails the run that needs it, with its position.
            }
        }
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in statements.TablesOf(text, dialect))
        {
            if (string.Equals(table.Schema, caller, StringComparison.OrdinalIgnoreCase)
                && table.Name.StartsWith(MaterializedView.NamePrefix, StringComparison.OrdinalIgnoreCase)
                && seen.Add(table.Name.ToLowerInvariant()))
            {
                names.Add(table.Name.ToLowerInvariant());
            }
        }
        var found = new List<MaterializedView>();
        if (names.Count > ViewLookupsPerText)
        {
            // A text may name tens of thousands of result_ tables (1 MiB of them took 14 s of one lookup each, hostile7);
            // the caller has at most MaterializedViews.MaxPerOwner views: read them once.
            var byName = new Dictionary<string, MaterializedView>(StringComparer.Ordinal);
            for (int offset = 0; ; offset += MaterializedViews.MaxPerOwner)
            {
                var (page, total) = await views.ListViewsAsync(caller, MaterializedViews.MaxPerOwner, offset, cancellationToken).ConfigureAwait(false);
                foreach (var view in page)
                {
                    byName.TryAdd(view.Name, view);
                }
                if (page.Count < MaterializedViews.MaxPerOwner || offset + page.Count >= total)
                {
                    break;
                }
            }
            found.AddRange(names.Where(byName.ContainsKey).Select(n => byName[n]));
            return found;
        }
        foreach (string name in names)
        {
            var view = await views.GetViewAsync(caller, name, cancellationToken).ConfigureAwait(false);
            if (view is not null)
            {
                found.Add(view);
            }
        }
        return found;
    }

    /// <summary>Past this many distinct names of the caller's views in one text, the caller's views are read in one listing
    /// instead of one lookup each.</summary>
    internal const int ViewLookupsPerText = 16;

    /// <summary>The caller's pipeline execution; another owner's is NotFound.</summary>
    public async Task<PipelineRun> GetAsync(string caller, string pipelineId, CancellationToken cancellationToken)
    {
        string id = pipelineId.ToUpperInvariant();
        if (!ExecutionIds.IsValid(id))
        {
            throw new UseCaseException(UseCaseError.Invalid, $"The requested pipeline execution ID (ID: {Strata.Core.Security.EchoedText.Cut(pipelineId)}) is invalid.");
        }
        var run = await store.GetPipelineAsync(id, cancellationToken).ConfigureAwait(false);
        return run is null || run.Owner != caller ? throw new UseCaseException(UseCaseError.NotFound, NotFoundMessage) : run;
    }

    /// <summary>The execution behind a node, as it stands now (null for a node not started).</summary>
    private async Task<Execution?> NodeExecutionAsync(PipelineRun run, PipelineNode node, CancellationToken cancellationToken) =>
        node.ExecutionId is { } id ? await service.GetAsync(run.Owner, id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The caller's pipeline run (<see cref="GetAsync"/>) with the execution of each node, by node id (null before it ran).</summary>
    public async Task<PipelineStatus> StatusAsync(string caller, string pipelineId, CancellationToken cancellationToken)
    {
        var run = await GetAsync(caller, pipelineId, cancellationToken).ConfigureAwait(false);
        var executions = new Dictionary<int, Execution?>();
        foreach (var node in run.Nodes)
        {
            executions[node.Id] = await NodeExecutionAsync(run, node, cancellationToken).ConfigureAwait(false);
        }
        return new PipelineStatus(run, executions);
    }
}

/// <summary>A pipeline run and the execution of each of its nodes, by node id (null for a node not started).</summary>
public sealed record PipelineStatus(PipelineRun Run, IReadOnlyDictionary<int, Execution?> Executions);
