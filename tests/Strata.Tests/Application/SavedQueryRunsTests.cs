using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.Application;

/// <summary>
/// The one-call use cases behind the execute and status handlers (arch13): a saved query's execute
/// (<see cref="SavedQueryRuns.ExecuteAsync"/>) and an execution's status (<see cref="PublicResults.StatusAsync"/>),
/// in process with the fake engine and the fake clock.
/// </summary>
public sealed class SavedQueryRunsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, ParameterValue> NoValues = new(StringComparer.Ordinal);

    private static async Task<string> CreateAsync(ExecutionHarness h, bool isPrivate = false)
    {
        long id = await h.Queries.CreateAsync("alice", new SavedQueryDraft("q", "select 1", "", [], [], isPrivate, SqlDialect.DuneSql), None);
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_saved_query_runs_as_the_caller_and_the_call_waits_for_its_end()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var runs = new SavedQueryRuns(h.Queries, h.Service);
        string id = await CreateAsync(h);
        h.StartWorker();

        var submit = runs.ExecuteAsync("bob", id, new SavedQueryRun(PerformanceTier.Medium, NoValues, Wait: TimeSpan.FromMinutes(1)), None);
        var run = await h.Engine.NextStartedAsync();
        Assert.False(submit.IsCompleted);
        run.Complete(rows: 3);
        var result = await submit.WaitAsync(ExecutionHarness.Guard);

        Assert.Equal(ExecutionState.Completed, result.Execution.State);
        Assert.Equal("bob", result.Execution.Owner);
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), result.Execution.QueryId);
        Assert.Equal(result.Execution.Id, (await runs.LatestAsync("bob", id, [], None)).Id);
    }

    [Fact]
    public async Task An_archived_private_or_missing_query_or_an_unknown_value_is_refused_before_anything_is_submitted()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var runs = new SavedQueryRuns(h.Queries, h.Service);
        string open = await CreateAsync(h), hidden = await CreateAsync(h, isPrivate: true), archived = await CreateAsync(h);
        await h.Queries.SetFlagAsync("alice", archived, q => q with { IsArchived = true }, None);
        var run = new SavedQueryRun(PerformanceTier.Medium, NoValues);

        Assert.Equal(UseCaseError.Forbidden, (await Assert.ThrowsAsync<UseCaseException>(() => runs.ExecuteAsync("alice", archived, run, None))).Error);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => runs.ExecuteAsync("bob", hidden, run, None))).Error);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => runs.ExecuteAsync("bob", "999999", run, None))).Error);
        var unknown = run with { Supplied = new Dictionary<string, ParameterValue>(StringComparer.Ordinal) { ["nope"] = ParameterValue.Single("1") } };
        var invalid = await Assert.ThrowsAsync<UseCaseException>(() => runs.ExecuteAsync("bob", open, unknown, None));
        Assert.Equal(UseCaseError.Invalid, invalid.Error);
        Assert.Contains("nope", invalid.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Store.ListUnfinishedAsync(None));
    }

    [Fact]
    public async Task Status_gives_a_pending_runs_place_in_the_queue_and_waits_for_a_running_ones_end()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var status = new PublicResults(h.Store, h.Store, h.Service);
        var first = (await h.SubmitAsync("alice")).Execution;
        var second = (await h.SubmitAsync("alice", "select 2")).Execution;

        var queued = await status.StatusAsync("alice", second.Id.ToLowerInvariant(), TimeSpan.Zero, None);
        Assert.Equal(ExecutionState.Pending, queued.State);
        Assert.NotNull(queued.QueuePosition);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => status.StatusAsync("bob", first.Id, TimeSpan.Zero, None))).Error);

        h.StartWorker();
        var run = await h.Engine.NextStartedAsync();
        var waiting = status.StatusAsync("alice", run.ExecutionId, TimeSpan.FromMinutes(1), None);
        Assert.False(waiting.IsCompleted);
        run.Complete();
        var ended = await waiting.WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(ExecutionState.Completed, ended.State);
        Assert.Null(ended.QueuePosition);
    }
}
