using Strata.Application;
using Strata.Application.Views;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;

namespace Strata.Tests.Application;

/// <summary>Pipelines with the fake engine: lineage order, parallel independent views, failure, cycles, restart, isolation.</summary>
public sealed class PipelineTests
{
    private static CancellationToken None => CancellationToken.None;

    private static readonly Dictionary<string, ParameterValue> NoParameters = [];

    /// <summary>A &lt;- B &lt;- C and a query on C.</summary>
    private static async Task<long> ChainAsync(ViewHarness h)
    {
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        await h.ViewAsync("alice", "result_b", "select n + 1 as n from dune.alice.result_a");
        await h.ViewAsync("alice", "result_c", "with x as (select * from dune.alice.result_b) select n * 2 as n from x");
        return await h.QueryAsync("alice", "select sum(n) as total from dune.alice.result_c");
    }

    [Fact]
    public async Task The_plan_of_a_query_on_a_chain_lists_the_views_in_dependency_order_then_the_query()
    {
        await using var h = await ViewHarness.CreateAsync();
        long query = await ChainAsync(h);
        var plan = await h.Pipelines.PlanAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        Assert.Equal(["dune.alice.result_a", "dune.alice.result_b", "dune.alice.result_c", null], plan.Nodes.Select(n => n.ViewName));
        Assert.Equal([[], [1], [2], [3]], plan.Nodes.Select(n => n.Dependencies.ToArray()));
        Assert.Equal(query, plan.Nodes[3].QueryId);
    }

    [Fact]
    public async Task One_pipeline_refreshes_A_then_B_then_C_then_runs_the_query()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        long query = await ChainAsync(h);
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        var sqls = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            var run = await h.Executions.Engine.NextStartedAsync();
            sqls.Add(run.Request!.Sql);
            // Nothing else starts while this node runs: each depends on the one before.
            Assert.False(h.Executions.Engine.HasUnreadStart);
            run.Complete();
        }
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        Assert.StartsWith("select 1", sqls[0], StringComparison.Ordinal);
        Assert.Contains("result_a", sqls[1], StringComparison.Ordinal);
        Assert.Contains("result_b", sqls[2], StringComparison.Ordinal);
        Assert.Contains("result_c", sqls[3], StringComparison.Ordinal);
        Assert.Equal(["result_a", "result_b", "result_c"], h.Tables.Replaced.Select(r => r.View));
        var pipeline = await h.PipelineAsync(id);
        Assert.Equal(PipelineState.Completed, pipeline.State);
        Assert.All(pipeline.Nodes, n => Assert.Equal(NodeState.Completed, n.State));
        Assert.All(pipeline.Nodes, n => Assert.NotNull(n.ExecutionId));
        Assert.Equal(h.Tables.Replaced.Select(r => r.ExecutionId), pipeline.Nodes.Take(3).Select(n => n.ExecutionId!));
    }

    [Fact]
    public async Task A_failure_in_B_fails_the_pipeline_naming_B_and_C_and_the_query_never_run()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        long query = await ChainAsync(h);
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        (await h.Executions.Engine.NextStartedAsync()).Complete();
        (await h.Executions.Engine.NextStartedAsync()).Fail(new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, "division by zero")));
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        Assert.False(h.Executions.Engine.HasUnreadStart);
        var pipeline = await h.PipelineAsync(id);
        Assert.Equal(PipelineState.Failed, pipeline.State);
        Assert.Contains("node 2 (refresh of dune.alice.result_b)", pipeline.Error, StringComparison.Ordinal);
        Assert.Contains("division by zero", pipeline.Error, StringComparison.Ordinal);
        Assert.Equal([NodeState.Completed, NodeState.Failed, NodeState.Skipped, NodeState.Skipped], pipeline.Nodes.Select(n => n.State));
        Assert.Null(pipeline.Nodes[2].ExecutionId);
        Assert.Contains("node 2", pipeline.Nodes[3].Error, StringComparison.Ordinal);
        Assert.Equal(["result_a"], h.Tables.Replaced.Select(r => r.View));
    }

    [Fact]
    public async Task A_view_whose_rows_cannot_become_its_table_fails_its_node()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        long query = await h.QueryAsync("alice", "select * from dune.alice.result_a");
        h.Tables.Failing["result_a"] = "Storage quota exceeded";
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        (await h.Executions.Engine.NextStartedAsync()).Complete();
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        var pipeline = await h.PipelineAsync(id);
        Assert.Equal([NodeState.Failed, NodeState.Skipped], pipeline.Nodes.Select(n => n.State));
        Assert.Contains("Storage quota exceeded", pipeline.Error, StringComparison.Ordinal);
        Assert.Equal("Storage quota exceeded", (await h.Executions.Store.GetViewAsync("alice", "result_a", None))!.LastError);
    }

    [Fact]
    public async Task Independent_views_refresh_at_the_same_time_and_the_query_waits_for_both()
    {
        // Three slots: an owner may run two at once (slots - 1).
        await using var h = await ViewHarness.CreateAsync(o => o.Medium.Slots = 3);
        h.Executions.StartWorker();
        h.Executions.StartWorker();
        h.Executions.StartWorker();
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        await h.ViewAsync("alice", "result_b", "select 2 as n");
        long query = await h.QueryAsync("alice", "select * from dune.alice.result_a join dune.alice.result_b using (n)");
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        var first = await h.Executions.Engine.NextStartedAsync();
        var second = await h.Executions.Engine.NextStartedAsync();
        Assert.Equal(["select 1 as n", "select 2 as n"], new[] { first.Request!.Sql, second.Request!.Sql }.Order());
        first.Complete();
        Assert.False(h.Executions.Engine.HasUnreadStart);
        second.Complete();
        var last = await h.Executions.Engine.NextStartedAsync();
        Assert.Contains("join", last.Request!.Sql, StringComparison.Ordinal);
        last.Complete();
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(PipelineState.Completed, (await h.PipelineAsync(id)).State);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_lineage_of_more_than_64_views_is_refused_whether_a_chain_or_a_fan(bool chain)
    {
        await using var h = await ViewHarness.CreateAsync();
        int views = Pipelines.MaxViews + 1;
        for (int i = 0; i < views; i++)
        {
            // A chain: each view reads the one before (the limit was checked against finished views only,
            // and a chain finishes none until its far end: 1,000 views went through). A fan: the query reads all.
            await h.ViewAsync("alice", $"result_v{i}", chain && i > 0 ? $"select n from dune.alice.result_v{i - 1}" : "select 1 as n");
        }
        long query = await h.QueryAsync("alice", chain
            ? $"select n from dune.alice.result_v{views - 1}"
            : string.Join(" union all ", Enumerable.Range(0, views).Select(i => $"select n from dune.alice.result_v{i}")));

        var e = await Assert.ThrowsAsync<UseCaseException>(() => h.Pipelines.PlanAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None));

        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains($"more than {Pipelines.MaxViews} materialized views", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_exactly_64_views_is_planned()
    {
        await using var h = await ViewHarness.CreateAsync();
        for (int i = 0; i < Pipelines.MaxViews; i++)
        {
            await h.ViewAsync("alice", $"result_v{i}", i > 0 ? $"select n from dune.alice.result_v{i - 1}" : "select 1 as n");
        }
        long query = await h.QueryAsync("alice", $"select n from dune.alice.result_v{Pipelines.MaxViews - 1}");

        var plan = await h.Pipelines.PlanAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);

        Assert.Equal(Pipelines.MaxViews + 1, plan.Nodes.Count);
    }

    [Fact]
    public async Task Views_that_read_each_other_are_a_cycle_refused_before_anything_runs()
    {
        await using var h = await ViewHarness.CreateAsync();
        await h.ViewAsync("alice", "result_a", "select * from dune.alice.result_b");
        await h.ViewAsync("alice", "result_b", "select * from dune.alice.result_a");
        long query = await h.QueryAsync("alice", "select * from dune.alice.result_a");
        var e = await Assert.ThrowsAsync<UseCaseException>(() => h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("dune.alice.result_a -> dune.alice.result_b -> dune.alice.result_a", e.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Executions.Store.ListUnfinishedAsync(None));
    }

    [Fact]
    public async Task A_pipeline_a_restart_interrupted_resumes_following_the_node_it_was_running_and_runs_the_rest()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        long query = await ChainAsync(h);
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        (await h.Executions.Engine.NextStartedAsync()).Complete();
        var b = await h.Executions.Engine.NextStartedAsync();
        Assert.Contains("result_a", b.Request!.Sql, StringComparison.Ordinal);
        string a = (await h.PipelineAsync(id)).Nodes[0].ExecutionId!;
        // The stop may come before or after the run records node 2 as running: either way the restart finds B's execution.
        await h.RestartAsync();
        h.Executions.StartWorker();
        // B was handed back at the stop: its own execution runs once more (never a second submission), then C and the query.
        var again = await h.Executions.Engine.NextStartedAsync();
        Assert.Equal(b.Request.ExecutionId, again.Request!.ExecutionId);
        again.Complete();
        var sqls = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            var run = await h.Executions.Engine.NextStartedAsync();
            sqls.Add(run.Request!.Sql);
            run.Complete();
        }
        await h.Pipelines.WhenEndedAsync(id).WaitAsync(ExecutionHarness.Guard);
        Assert.False(h.Executions.Engine.HasUnreadStart);
        Assert.Contains("result_b", sqls[0], StringComparison.Ordinal);
        Assert.Contains("result_c", sqls[1], StringComparison.Ordinal);
        var pipeline = await h.PipelineAsync(id);
        Assert.True(pipeline.State == PipelineState.Completed, pipeline.Error);
        Assert.All(pipeline.Nodes, n => Assert.Equal(NodeState.Completed, n.State));
        Assert.Equal([a, b.Request.ExecutionId], pipeline.Nodes.Take(2).Select(n => n.ExecutionId));
        // A applied once (before the stop); B, C after it, each from its node's execution.
        Assert.Equal(["result_a", "result_b", "result_c"], h.Tables.Replaced.Select(r => r.View));
        Assert.Equal(pipeline.Nodes.Take(3).Select(n => n.ExecutionId!), h.Tables.Replaced.Select(r => r.ExecutionId));
    }

    private static async Task<MaterializedView> WaitAppliedAsync(ViewHarness h, string name)
    {
        var view = (await h.Executions.Store.GetViewAsync("alice", name, None))!;
        await h.Executions.EndedAsync(view.LastExecutionId!);
        await h.Views.WhenAppliedAsync(view.LastExecutionId!).WaitAsync(ExecutionHarness.Guard);
        return (await h.Executions.Store.GetViewAsync("alice", name, None))!;
    }

    [Fact]
    public async Task Another_owners_views_are_not_refreshed_and_their_private_ones_are_not_found()
    {
        await using var h = await ViewHarness.CreateAsync();
        await h.ViewAsync("bob", "result_p", "select 1 as n", isPrivate: true);
        await h.ViewAsync("bob", "result_q", "select 1 as n");
        long query = await h.QueryAsync("alice", "select * from dune.bob.result_p, dune.bob.result_q");
        var plan = await h.Pipelines.PlanAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        Assert.Null(Assert.Single(plan.Nodes).ViewName);
        foreach (var name in new[] { "dune.bob.result_p", "dune.bob.result_none" })
        {
            Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => h.Views.GetVisibleAsync("alice", name, None))).Error);
            Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => h.Views.DeleteAsync("alice", name, None))).Error);
            Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => h.Views.RefreshAsync("alice", name, PerformanceTier.Medium, None))).Error);
        }
        Assert.Equal(UseCaseError.Forbidden, (await Assert.ThrowsAsync<UseCaseException>(() => h.Views.RefreshAsync("alice", "dune.bob.result_q", PerformanceTier.Medium, None))).Error);
        string id = await h.Pipelines.ExecuteAsync("alice", ViewHarness.Id(query), PerformanceTier.Medium, NoParameters, None);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => h.Pipelines.GetAsync("bob", id, None))).Error);
    }
}
