using Strata.Core.Executions;
using Strata.Core.Views;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="IViewStore"/> and <see cref="IPipelineStore"/> must do.</summary>
public abstract class ViewStoreContract : StoreContract
{
    private IViewStore Views => Stores.Views;

    private static MaterializedView NewView(string owner, string name, string? cron = "*/15 * * * *") => new()
    {
        Owner = owner,
        Name = name,
        QueryId = 7,
        IsPrivate = true,
        Tier = PerformanceTier.Large,
        Cron = cron,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Fact]
    public async Task An_upserted_view_reads_back_and_a_second_upsert_changes_its_definition_but_keeps_its_history()
    {
        var stored = await Views.UpsertViewAsync(NewView("alice", "result_a"), None);
        Assert.Equal(NewView("alice", "result_a"), stored);
        await Views.RecordRefreshAsync("alice", "result_a", "E1", T0.AddMinutes(1), None);
        var changed = await Views.UpsertViewAsync(NewView("alice", "result_a", cron: null) with { QueryId = 8, IsPrivate = false, UpdatedAt = T0.AddHours(1), CreatedAt = T0.AddHours(1) }, None);
        Assert.Equal(8, changed.QueryId);
        Assert.Null(changed.Cron);
        Assert.False(changed.IsPrivate);
        Assert.Equal(T0, changed.CreatedAt);
        Assert.Equal(T0.AddHours(1), changed.UpdatedAt);
        Assert.Equal("E1", changed.LastExecutionId);
        Assert.Equal(T0.AddMinutes(1), changed.LastRunAt);
        Assert.Null(await Views.GetViewAsync("bob", "result_a", None));
    }

    [Fact]
    public async Task A_slot_is_claimed_once_and_only_a_later_slot_claims_again()
    {
        await Views.UpsertViewAsync(NewView("alice", "result_a"), None);
        Assert.True(await Views.TryClaimSlotAsync("alice", "result_a", T0.AddMinutes(15), None));
        Assert.False(await Views.TryClaimSlotAsync("alice", "result_a", T0.AddMinutes(15), None));
        Assert.False(await Views.TryClaimSlotAsync("alice", "result_a", T0, None));
        Assert.True(await Views.TryClaimSlotAsync("alice", "result_a", T0.AddMinutes(30), None));
        Assert.Equal(T0.AddMinutes(30), (await Views.GetViewAsync("alice", "result_a", None))!.ClaimedSlot);
        Assert.False(await Views.TryClaimSlotAsync("alice", "result_missing", T0.AddMinutes(45), None));
    }

    [Fact]
    public async Task A_refresh_is_unapplied_until_its_outcome_is_recorded_and_an_older_refresh_changes_nothing()
    {
        await Views.UpsertViewAsync(NewView("alice", "result_a"), None);
        await Views.RecordRefreshAsync("alice", "result_a", "E1", T0, None);
        await Views.RecordRefreshAsync("alice", "result_a", "E2", T0.AddMinutes(1), None);
        Assert.Equal(["result_a"], (await Views.ListUnappliedViewsAsync(None)).Select(v => v.Name));
        await Views.RecordAppliedAsync("alice", "result_a", "E1", null, None);
        Assert.Single(await Views.ListUnappliedViewsAsync(None));
        await Views.RecordAppliedAsync("alice", "result_a", "E2", null, None);
        Assert.Empty(await Views.ListUnappliedViewsAsync(None));
        var view = (await Views.GetViewAsync("alice", "result_a", None))!;
        Assert.Equal("E2", view.TableExecutionId);
        await Views.RecordRefreshAsync("alice", "result_a", "E3", T0.AddMinutes(2), None);
        await Views.RecordAppliedAsync("alice", "result_a", "E3", "quota", None);
        view = (await Views.GetViewAsync("alice", "result_a", None))!;
        Assert.Equal("E2", view.TableExecutionId);
        Assert.Equal("quota", view.LastError);
    }

    [Fact]
    public async Task Lists_page_an_owners_views_by_name_and_scheduled_lists_only_views_with_a_cron()
    {
        await Views.UpsertViewAsync(NewView("alice", "result_b"), None);
        await Views.UpsertViewAsync(NewView("alice", "result_a", cron: null), None);
        await Views.UpsertViewAsync(NewView("bob", "result_c"), None);
        var (page, total) = await Views.ListViewsAsync("alice", 1, 1, None);
        Assert.Equal(2, total);
        Assert.Equal("result_b", Assert.Single(page).Name);
        Assert.Equal(["result_b", "result_c"], (await Views.ListScheduledViewsAsync(None)).Select(v => v.Name));
        Assert.True(await Views.DeleteViewAsync("alice", "result_b", None));
        Assert.False(await Views.DeleteViewAsync("alice", "result_b", None));
        Assert.Equal(1, (await Views.ListViewsAsync("alice", 10, 0, None)).Total);
    }

    [Fact]
    public async Task The_visible_views_are_the_callers_own_and_every_public_one()
    {
        await Views.UpsertViewAsync(NewView("alice", "result_mine"), None);
        await Views.UpsertViewAsync(NewView("bob", "result_hidden"), None);
        await Views.UpsertViewAsync(NewView("bob", "result_shared") with { IsPrivate = false }, None);
        Assert.Equal([("alice", "result_mine"), ("bob", "result_shared")], (await Views.ListVisibleViewsAsync("alice", None)).Select(v => (v.Owner, v.Name)));
        Assert.Equal([("bob", "result_hidden"), ("bob", "result_shared")], (await Views.ListVisibleViewsAsync("bob", None)).Select(v => (v.Owner, v.Name)));
        Assert.Equal([("bob", "result_shared")], (await Views.ListVisibleViewsAsync("carol", None)).Select(v => (v.Owner, v.Name)));
    }

    [Fact]
    public async Task A_pipeline_reads_back_whole_and_leaves_the_unfinished_list_when_it_ends()
    {
        var nodes = new List<PipelineNode>
        {
            new(1, [], "dune.alice.result_a", 3, PerformanceTier.Medium),
            new(2, [1], null, 4, PerformanceTier.Medium, NodeState.Running, "E9", null, T0),
        };
        var run = new PipelineRun(ExecutionIds.New(T0), "alice", 4, PipelineState.Executing, nodes, T0, ParametersJson: "{}");
        await Stores.Pipelines.SavePipelineAsync(run, None);
        var read = (await Stores.Pipelines.GetPipelineAsync(run.Id, None))!;
        Assert.Equal(run with { Nodes = [] }, read with { Nodes = [] });
        Assert.Equal(nodes.Select(n => n with { Dependencies = [] }), read.Nodes.Select(n => n with { Dependencies = [] }));
        Assert.Equal([1], read.Nodes[1].Dependencies);
        Assert.Single(await Stores.Pipelines.ListUnfinishedPipelinesAsync(None));
        await Stores.Pipelines.SavePipelineAsync(run with { State = PipelineState.Failed, Error = "node 1 failed", EndedAt = T0.AddMinutes(1) }, None);
        Assert.Empty(await Stores.Pipelines.ListUnfinishedPipelinesAsync(None));
        Assert.Equal("node 1 failed", (await Stores.Pipelines.GetPipelineAsync(run.Id, None))!.Error);
        Assert.Null(await Stores.Pipelines.GetPipelineAsync(ExecutionIds.New(T0), None));
    }
}
