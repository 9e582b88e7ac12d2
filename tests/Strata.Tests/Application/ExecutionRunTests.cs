using Strata.Application.Executions;
using Strata.Core.Engine;
using Strata.Core.Executions;

namespace Strata.Tests.Application;

/// <summary>The life of one execution through the use cases: states, failures, timeouts, and races between cancel and completion.</summary>
public sealed class ExecutionRunTests
{
    [Fact]
    public async Task A_submitted_execution_is_pending_in_the_store_then_runs_and_completes_with_its_result_info()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var submitted = await h.SubmitAsync("alice");
        Assert.Equal(ReuseKind.None, submitted.Reuse);
        Assert.Equal(ExecutionState.Pending, (await h.GetAsync(submitted.Execution.Id)).State);
        Assert.Equal(1, (await h.Service.WithQueuePositionAsync(submitted.Execution, CancellationToken.None)).QueuePosition);

        h.StartWorker();
        var run = h.Engine.Run(submitted.Execution.Id);
        await run.Started.WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(ExecutionState.Executing, (await h.GetAsync(submitted.Execution.Id)).State);
        Assert.Equal("alice", run.Request!.Owner);
        h.Time.Advance(TimeSpan.FromSeconds(3));
        run.Complete(rows: 42);

        var ended = await h.EndedAsync(submitted.Execution.Id);
        Assert.Equal(ExecutionState.Completed, ended.State);
        Assert.Equal(42, ended.Result!.RowCount);
        Assert.Equal(TimeSpan.FromSeconds(3), ended.EndedAt - ended.StartedAt);
        Assert.Equal(ended.EndedAt + h.Options.ResultRetention, ended.ExpiresAt);
        await h.StopWorkersAsync();
        Assert.Equal(0, h.Tables.Held);
    }

    [Fact]
    public async Task A_truncated_result_is_completed_partial()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(id).Complete(rows: 5, truncated: true);
        Assert.Equal(ExecutionState.CompletedPartial, (await h.EndedAsync(id)).State);
    }

    [Fact]
    public async Task A_query_error_fails_the_execution_with_the_engines_error()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(id).Fail(new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError, "no such column x", 1, 8)));
        var ended = await h.EndedAsync(id);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(new ExecutionError(ExecutionError.SyntaxError, "no such column x", 1, 8), ended.Error);
    }

    [Fact]
    public async Task An_unexpected_engine_error_fails_as_internal_without_its_message_and_the_worker_goes_on()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var first = (await h.SubmitAsync("alice")).Execution.Id;
        var second = (await h.SubmitAsync("bob")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(first).Fail(new InvalidOperationException("secret detail"));
        var ended = await h.EndedAsync(first);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal("An internal error occurred while running the query.", ended.Error!.Message);
        h.Engine.Run(second).Complete();
        Assert.Equal(ExecutionState.Completed, (await h.EndedAsync(second)).State);
    }

    /// <summary>hostile37: an engine that stops a run by itself (its OperationCanceledException with no cancel, no timeout and
    /// no lost claim) left the execution EXECUTING for ever; it now fails, and the next execution runs.</summary>
    [Fact]
    public async Task A_run_the_engine_stops_when_nobody_cancelled_it_fails_instead_of_staying_executing()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var first = (await h.SubmitAsync("alice")).Execution.Id;
        var second = (await h.SubmitAsync("bob")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(first).Fail(new OperationCanceledException());
        var ended = await h.EndedAsync(first);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(new ExecutionError(ExecutionError.ExecutionFailed, ExecutionService.EngineStoppedMessage), ended.Error);
        h.Engine.Run(second).Complete();
        Assert.Equal(ExecutionState.Completed, (await h.EndedAsync(second)).State);
    }

    [Fact]
    public async Task A_full_disk_fails_as_disk_full_and_the_result_files_are_deleted_first()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(id).Fail(new IOException("No space left on device") { HResult = 28 });
        var ended = await h.EndedAsync(id);
        Assert.Equal(ExecutionService.DiskFullMessage, ended.Error!.Message);
        Assert.Contains(id, h.Results.Deleted);
    }

    [Fact]
    public async Task The_tier_timeout_on_the_clock_fails_the_execution_as_a_timeout()
    {
        await using var h = await ExecutionHarness.CreateAsync(o => o.Medium.Timeout = TimeSpan.FromMinutes(5));
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        await h.Engine.Run(id).Started.WaitAsync(ExecutionHarness.Guard);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var ended = await h.EndedAsync(id);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(ExecutionError.Timeout, ended.Error!.Type);
        Assert.Contains("00:05:00", ended.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_pending_execution_takes_it_out_of_the_queue_and_the_engine_never_sees_it()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var cancelled = (await h.SubmitAsync("alice")).Execution;
        var next = (await h.SubmitAsync("alice")).Execution.Id;
        Assert.True(await h.Service.CancelAsync(cancelled, CancellationToken.None));
        Assert.Equal(1, (await h.Service.WithQueuePositionAsync(await h.GetAsync(next), CancellationToken.None)).QueuePosition);
        h.StartWorker();
        h.Engine.Run(next).Complete();
        await h.EndedAsync(next);
        Assert.Equal(ExecutionState.Cancelled, (await h.GetAsync(cancelled.Id)).State);
        Assert.Equal([next], h.Engine.Started);
    }

    [Fact]
    public async Task Cancelling_a_running_execution_stops_the_engine_and_leaves_no_result()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        await h.Engine.Run(id).Started.WaitAsync(ExecutionHarness.Guard);
        Assert.True(await h.Service.CancelAsync(await h.GetAsync(id), CancellationToken.None));
        var ended = await h.EndedAsync(id);
        Assert.Equal(ExecutionState.Cancelled, ended.State);
        Assert.NotNull(ended.StartedAt);
        await h.StopWorkersAsync();
        Assert.Contains(id, h.Results.Deleted);
        Assert.Equal(0, h.Tables.Held);
    }

    [Fact]
    public async Task A_completion_that_arrives_after_the_cancel_loses_and_its_result_is_deleted()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        h.Engine.ObservesCancellation = false;
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        var run = h.Engine.Run(id);
        await run.Started.WaitAsync(ExecutionHarness.Guard);
        Assert.True(await h.Service.CancelAsync(await h.GetAsync(id), CancellationToken.None));
        run.Complete(rows: 7);
        await h.StopWorkersAsync();
        var ended = await h.GetAsync(id);
        Assert.Equal(ExecutionState.Cancelled, ended.State);
        Assert.Null(ended.Result);
        Assert.Contains(id, h.Results.Deleted);
    }

    [Fact]
    public async Task A_cancel_that_arrives_after_the_completion_loses_and_the_result_stays()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        var run = h.Engine.Run(id);
        await run.Started.WaitAsync(ExecutionHarness.Guard);
        var seenRunning = await h.GetAsync(id);
        run.Complete();
        await h.EndedAsync(id);
        Assert.False(await h.Service.CancelAsync(seenRunning, CancellationToken.None));
        await h.StopWorkersAsync();
        Assert.Equal(ExecutionState.Completed, (await h.GetAsync(id)).State);
        Assert.DoesNotContain(id, h.Results.Deleted);
    }

    [Fact]
    public async Task Expired_results_are_marked_expired_and_their_files_deleted_once_the_retention_passes()
    {
        await using var h = await ExecutionHarness.CreateAsync(o => o.ResultRetention = TimeSpan.FromHours(1));
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        h.Engine.Run(id).Complete();
        await h.EndedAsync(id);
        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await h.Service.ExpireResultsAsync(CancellationToken.None));
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await h.Service.ExpireResultsAsync(CancellationToken.None));
        Assert.Equal(ExecutionState.Expired, (await h.GetAsync(id)).State);
        Assert.Contains(id, h.Results.Deleted);
    }

    [Fact]
    public async Task Another_owners_execution_is_not_found_and_a_malformed_id_is_invalid()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        Assert.Equal(id, (await h.Service.GetAsync("alice", id.ToLowerInvariant(), CancellationToken.None)).Id);
        var other = await Assert.ThrowsAsync<Strata.Application.UseCaseException>(() => h.Service.GetAsync("bob", id, CancellationToken.None));
        Assert.Equal(Strata.Application.UseCaseError.NotFound, other.Error);
        var bad = await Assert.ThrowsAsync<Strata.Application.UseCaseException>(() => h.Service.GetAsync("alice", "nope", CancellationToken.None));
        Assert.Equal(Strata.Application.UseCaseError.Invalid, bad.Error);
    }
}
