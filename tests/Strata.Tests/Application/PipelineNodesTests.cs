using Strata.Application;
using Strata.Application.Queries;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;

namespace Strata.Tests.Application;

/// <summary>Dune's explicit pipeline body (<c>pipeline.nodes</c>) with the fake engine: order, parameters, and every refusal before anything runs.</summary>
public sealed class PipelineNodesTests
{
    private static CancellationToken None => CancellationToken.None;

    private static readonly Dictionary<string, ParameterValue> NoParameters = [];

    private static PipelineNodeRequest View(int id, string name, params int[] dependencies) =>
        new(id, dependencies, name, null, PerformanceTier.Medium, NoParameters);

    private static PipelineNodeRequest Query(int id, long query, Dictionary<string, ParameterValue>? parameters, params int[] dependencies) =>
        new(id, dependencies, null, ViewHarness.Id(query), PerformanceTier.Medium, parameters ?? NoParameters);

    [Fact]
    public async Task Explicit_nodes_run_after_their_dependencies_whatever_their_written_order_with_each_querys_parameters()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        await h.ViewAsync("alice", "result_b", "select n + 1 as n from dune.alice.result_a");
        long query = await h.QueryAsync("alice", "select * from dune.alice.result_b where n > 0");
        long idQuery = await h.Executions.Queries.CreateAsync("alice", new SavedQueryDraft("p", "select {{x}} as x", "",
            [], [new QueryParameter("x", "number", "1")], false, SqlDialect.DuneSql), None);

        // Written last-first; ids as the caller chose them.
        string id = await h.Pipelines.ExecuteNodesAsync("alice",
            [Query(30, query, null, 20), View(20, "result_b", 10), View(10, "dune.alice.result_a"), Query(40, idQuery, new() { ["x"] = ParameterValue.Single("7") }, 20)], None);
        var sqls = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            var run = await h.Executions.Engine.NextStartedAsync();
            sqls.Add(run.Request!.Sql);
            Assert.False(h.Executions.Engine.HasUnreadStart);
            run.Complete();
        }
        // Both query nodes depend on node 20 only; one worker runs them one after the other.
        var third = await h.Executions.Engine.NextStartedAsync();
        third.Complete();
        var fourth = await h.Executions.Engine.NextStartedAsync();
        fourth.Complete();
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(["select 1 as n", "select n + 1 as n from dune.alice.result_a"], sqls);
        Assert.Equal(["select * from dune.alice.result_b where n > 0", "select 7 as x"], new[] { third.Request!.Sql, fourth.Request!.Sql }.Order(StringComparer.Ordinal));
        var pipeline = await h.PipelineAsync(id);
        Assert.Equal(PipelineState.Completed, pipeline.State);
        Assert.Equal([10, 20, 30, 40], pipeline.Nodes.Select(n => n.Id));
        Assert.Equal(["dune.alice.result_a", "dune.alice.result_b", null, null], pipeline.Nodes.Select(n => n.ViewName));
        Assert.Equal(["result_a", "result_b"], h.Tables.Replaced.Select(r => r.View));
    }

    [Fact]
    public async Task Malformed_nodes_cycles_and_views_of_others_are_refused_naming_the_node_before_anything_runs()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        await h.ViewAsync("bob", "result_pub", "select 2 as n");
        await h.ViewAsync("bob", "result_priv", "select 3 as n", isPrivate: true);
        long query = await h.QueryAsync("alice", "select 1");
        long bobsPrivate = await h.QueryAsync("bob", "select 2", isPrivate: true);

        async Task<UseCaseException> Refused(params PipelineNodeRequest[] nodes) =>
            await Assert.ThrowsAsync<UseCaseException>(() => h.Pipelines.ExecuteNodesAsync("alice", nodes, None));

        var cycle = await Refused(View(1, "result_a", 3), Query(2, query, null, 1), Query(3, query, null, 2));
        Assert.Equal((UseCaseError.Invalid, "The pipeline's nodes form a cycle: node 1 -> node 2 -> node 3 -> node 1; a node cannot depend on itself, directly or through others"),
            (cycle.Error, cycle.Message));
        Assert.Equal("node 1 depends on itself", (await Refused(View(1, "result_a", 1))).Message);
        Assert.Equal("node 1 depends on node 9, which is not in the pipeline", (await Refused(View(1, "result_a", 9))).Message);
        Assert.Equal("node id 1 is used by more than one node", (await Refused(View(1, "result_a"), Query(1, query, null))).Message);
        Assert.Equal("node 2 must have exactly one of materialized_view_refresh and query_execution",
            (await Refused(View(1, "result_a"), new PipelineNodeRequest(2, [], null, null, PerformanceTier.Medium, NoParameters))).Message);
        Assert.Equal("pipeline.nodes must list at least one node", (await Refused()).Message);
        Assert.Contains("is refreshed by node 1 already", (await Refused(View(1, "result_a"), View(2, "dune.alice.result_a"))).Message, StringComparison.Ordinal);

        var foreign = await Refused(View(1, "dune.bob.result_pub"));
        Assert.Equal((UseCaseError.Forbidden, "node 1: " + MaterializedViews.NotOwner), (foreign.Error, foreign.Message));
        var hidden = await Refused(View(1, "dune.bob.result_priv"));
        var missing = await Refused(View(1, "dune.bob.result_none"));
        Assert.Equal((UseCaseError.NotFound, missing.Message), (hidden.Error, hidden.Message));
        var privateQuery = await Refused(Query(1, bobsPrivate, null));
        Assert.Equal(UseCaseError.NotFound, privateQuery.Error);
        var badParameter = await Refused(Query(1, query, new() { ["nope"] = ParameterValue.Single("1") }));
        Assert.Equal(UseCaseError.Invalid, badParameter.Error);
        Assert.StartsWith("node 1: ", badParameter.Message, StringComparison.Ordinal);

        Assert.Empty(await h.Executions.Store.ListUnfinishedAsync(None));
        Assert.False(h.Executions.Engine.HasUnreadStart);
    }
}
