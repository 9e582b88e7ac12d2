using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="IExecutionStore"/> must do: the state rules, idempotency, reuse, recovery and expiry.</summary>
public abstract class ExecutionStoreContract : StoreContract
{
    private IExecutionStore Executions => Stores.Executions;

    [Fact]
    public async Task An_inserted_execution_reads_back_field_for_field_as_pending_at_queue_position_one()
    {
        var execution = NewExecution() with
        {
            QueryId = 42,
            QueryVersion = 3,
            Tier = PerformanceTier.Large,
            ParametersJson = """{"n":"1"}""",
            ReuseKey = "reuse-1",
            SourceSql = "SELECT {{n}}",
            PositionMap = [new ParameterSubstitution.Span(7, 1, 7, 5)],
            Dialect = SqlDialect.DuckDb,
        };
        Assert.Null(await Executions.InsertExecutionAsync(execution, null, None));
        var read = await Executions.GetExecutionAsync(execution.Id, None);
        Assert.NotNull(read);
        Assert.Equal(execution with { QueuePosition = 1, PositionMap = read.PositionMap }, read);
        Assert.Equal(execution.PositionMap, read.PositionMap);
        Assert.Null(await Executions.GetExecutionAsync(ExecutionIds.New(), None));
    }

    [Fact]
    public async Task The_queue_position_counts_pending_executions_of_the_same_tier_in_submission_order()
    {
        var first = NewExecution();
        var large = NewExecution(tier: PerformanceTier.Large);
        var second = NewExecution();
        foreach (var e in new[] { first, large, second })
        {
            await Executions.InsertExecutionAsync(e, null, None);
        }
        Assert.Equal(2, (await Executions.GetExecutionAsync(second.Id, None))!.QueuePosition);
        Assert.Equal(1, (await Executions.GetExecutionAsync(large.Id, None))!.QueuePosition);

        Assert.True(await Executions.TryStartAsync(first.Id, T0, None));
        Assert.Equal(1, (await Executions.GetExecutionAsync(second.Id, None))!.QueuePosition);
        Assert.Null((await Executions.GetExecutionAsync(first.Id, None))!.QueuePosition);
    }

    [Fact]
    public async Task The_idempotency_record_commits_with_the_insert_and_a_taken_key_inserts_nothing()
    {
        var first = NewExecution();
        var record = new IdempotencyRecord("alice", "key-1", "hash-1", first.Id, T0);
        Assert.Null(await Executions.InsertExecutionAsync(first, record, None));
        Assert.Equal(record, await Executions.FindIdempotencyAsync("alice", "key-1", T0.AddHours(-1), None));

        var second = NewExecution();
        var existing = await Executions.InsertExecutionAsync(second, record with { RequestHash = "hash-2", ExecutionId = second.Id, CreatedAt = T0.AddMinutes(5) }, None);
        Assert.Equal(record, existing);
        Assert.Null(await Executions.GetExecutionAsync(second.Id, None));

        // Keys are per owner.
        var bobs = NewExecution("bob");
        Assert.Null(await Executions.InsertExecutionAsync(bobs, record with { Owner = "bob", ExecutionId = bobs.Id }, None));
        Assert.NotNull(await Executions.GetExecutionAsync(bobs.Id, None));
    }

    [Fact]
    public async Task An_insert_that_fails_keeps_no_idempotency_record()
    {
        var first = NewExecution();
        await Executions.InsertExecutionAsync(first, null, None);
        // The same execution id again cannot be inserted; the record that came with it must not stay behind.
        var record = new IdempotencyRecord("alice", "key-1", "hash-1", first.Id, T0);
        await Assert.ThrowsAnyAsync<Exception>(() => Executions.InsertExecutionAsync(first with { Sql = "SELECT 2" }, record, None));
        Assert.Null(await Executions.FindIdempotencyAsync("alice", "key-1", DateTimeOffset.MinValue, None));
        Assert.Equal("SELECT 1", (await Executions.GetExecutionAsync(first.Id, None))!.Sql);
    }

    [Fact]
    public async Task An_idempotency_record_older_than_a_day_is_replaced_and_old_records_are_not_live()
    {
        var first = NewExecution();
        var record = new IdempotencyRecord("alice", "key-1", "hash-1", first.Id, T0);
        await Executions.InsertExecutionAsync(first, record, None);
        Assert.Null(await Executions.FindIdempotencyAsync("alice", "key-1", T0.AddSeconds(1), None));

        var later = NewExecution(submittedAt: T0.AddHours(25));
        var renewed = record with { RequestHash = "hash-2", ExecutionId = later.Id, CreatedAt = T0.AddHours(25) };
        Assert.Null(await Executions.InsertExecutionAsync(later, renewed, None));
        Assert.Equal(renewed, await Executions.FindIdempotencyAsync("alice", "key-1", T0.AddHours(24), None));
    }

    [Fact]
    public async Task TryStart_moves_only_a_pending_execution_and_counts_the_attempt()
    {
        var execution = NewExecution();
        await Executions.InsertExecutionAsync(execution, null, None);
        Assert.True(await Executions.TryStartAsync(execution.Id, T0.AddSeconds(1), None));
        Assert.False(await Executions.TryStartAsync(execution.Id, T0.AddSeconds(2), None));
        Assert.False(await Executions.TryStartAsync(ExecutionIds.New(), T0, None));
        var read = (await Executions.GetExecutionAsync(execution.Id, None))!;
        Assert.Equal((ExecutionState.Executing, 1, T0.AddSeconds(1)), (read.State, read.Attempts, read.StartedAt));
    }

    [Fact]
    public async Task TryFinish_ends_a_running_execution_once_with_its_outcome()
    {
        var execution = NewExecution();
        await Executions.InsertExecutionAsync(execution, null, None);
        await Executions.TryStartAsync(execution.Id, T0, None);
        var error = new ExecutionError(ExecutionError.ExecutionFailed, "boom", 1, 8);
        var result = new ResultInfo(["a", "b"], ["integer", "varchar"], 3, 99);
        var outcome = new ExecutionOutcome(ExecutionState.Failed, T0.AddSeconds(5), T0.AddDays(1), error, result);
        Assert.True(await Executions.TryFinishAsync(execution.Id, outcome, None));
        Assert.False(await Executions.TryFinishAsync(execution.Id, outcome with { State = ExecutionState.Completed }, None));

        var read = (await Executions.GetExecutionAsync(execution.Id, None))!;
        Assert.Equal((ExecutionState.Failed, T0.AddSeconds(5), T0.AddDays(1), (DateTimeOffset?)null), (read.State, read.EndedAt, read.ExpiresAt, read.CancelledAt));
        Assert.Equal(error, read.Error);
        Assert.Equal(result.ColumnNames, read.Result!.ColumnNames);
        Assert.Equal((3L, 99L), (read.Result.RowCount, read.Result.ResultSetBytes));
    }

    [Fact]
    public async Task A_cancel_before_the_start_has_a_cancel_time_and_no_end_time()
    {
        var waiting = NewExecution();
        var running = NewExecution();
        await Executions.InsertExecutionAsync(waiting, null, None);
        await Executions.InsertExecutionAsync(running, null, None);
        await Executions.TryStartAsync(running.Id, T0, None);

        Assert.True(await Executions.TryFinishAsync(waiting.Id, new ExecutionOutcome(ExecutionState.Cancelled, T0.AddSeconds(1), Started: false), None));
        Assert.True(await Executions.TryFinishAsync(running.Id, new ExecutionOutcome(ExecutionState.Cancelled, T0.AddSeconds(2)), None));
        Assert.False(await Executions.TryStartAsync(waiting.Id, T0.AddSeconds(3), None));

        var w = (await Executions.GetExecutionAsync(waiting.Id, None))!;
        var r = (await Executions.GetExecutionAsync(running.Id, None))!;
        Assert.Equal((ExecutionState.Cancelled, (DateTimeOffset?)null, T0.AddSeconds(1)), (w.State, w.EndedAt, w.CancelledAt));
        Assert.Equal((ExecutionState.Cancelled, T0.AddSeconds(2), T0.AddSeconds(2)), (r.State, r.EndedAt, r.CancelledAt));
    }

    [Fact]
    public async Task Unfinished_executions_list_oldest_first_and_a_requeue_returns_only_a_running_one_to_pending()
    {
        var a = NewExecution();
        var b = NewExecution();
        var c = NewExecution();
        foreach (var e in new[] { a, b, c })
        {
            await Executions.InsertExecutionAsync(e, null, None);
        }
        await Executions.TryStartAsync(a.Id, T0, None);
        await Executions.TryStartAsync(c.Id, T0, None);
        await Executions.TryFinishAsync(c.Id, new ExecutionOutcome(ExecutionState.Completed, T0), None);
        Assert.Equal([a.Id, b.Id], (await Executions.ListUnfinishedAsync(None)).Select(e => e.Id));

        await Executions.RequeueAsync(a.Id, None);
        await Executions.RequeueAsync(c.Id, None);
        var requeued = (await Executions.GetExecutionAsync(a.Id, None))!;
        Assert.Equal((ExecutionState.Pending, (DateTimeOffset?)null, 1), (requeued.State, requeued.StartedAt, requeued.Attempts));
        Assert.Equal(ExecutionState.Completed, (await Executions.GetExecutionAsync(c.Id, None))!.State);

        Assert.True(await Executions.TryStartAsync(a.Id, T0.AddSeconds(1), None));
        Assert.Equal(2, (await Executions.GetExecutionAsync(a.Id, None))!.Attempts);
    }

    [Fact]
    public async Task Expiry_ends_only_completed_results_whose_time_has_come_once()
    {
        var due = await CompletedAsync("alice", 10, T0, T0.AddHours(1));
        var later = await CompletedAsync("alice", 10, T0, T0.AddHours(3));
        var failed = NewExecution();
        await Executions.InsertExecutionAsync(failed, null, None);
        await Executions.TryFinishAsync(failed.Id, new ExecutionOutcome(ExecutionState.Failed, T0, T0.AddHours(1)), None);

        Assert.Equal([due.Id], await Executions.ExpireAsync(T0.AddHours(1), None));
        Assert.Empty(await Executions.ExpireAsync(T0.AddHours(1), None));
        Assert.Equal(ExecutionState.Expired, (await Executions.GetExecutionAsync(due.Id, None))!.State);
        Assert.Equal(ExecutionState.Completed, (await Executions.GetExecutionAsync(later.Id, None))!.State);
        Assert.Equal(ExecutionState.Failed, (await Executions.GetExecutionAsync(failed.Id, None))!.State);
    }

    [Fact]
    public async Task The_reusable_execution_is_the_newest_in_flight_or_recently_completed_one_of_that_key()
    {
        var old = await CompletedAsync("alice", 1, T0, null, reuseKey: "k");
        Assert.Equal(old.Id, (await Executions.FindReusableAsync("k", T0, None))!.Id);
        Assert.Null(await Executions.FindReusableAsync("k", T0.AddSeconds(1), None));
        Assert.Null(await Executions.FindReusableAsync("other", T0, None));

        var failed = NewExecution() with { ReuseKey = "k" };
        await Executions.InsertExecutionAsync(failed, null, None);
        await Executions.TryFinishAsync(failed.Id, new ExecutionOutcome(ExecutionState.Failed, T0.AddSeconds(2)), None);
        Assert.Equal(old.Id, (await Executions.FindReusableAsync("k", T0, None))!.Id);

        var pending = NewExecution() with { ReuseKey = "k" };
        await Executions.InsertExecutionAsync(pending, null, None);
        Assert.Equal(pending.Id, (await Executions.FindReusableAsync("k", T0.AddDays(1), None))!.Id);
    }

    [Fact]
    public async Task A_query_versions_executions_list_newest_first_for_its_owner_up_to_the_limit()
    {
        var ids = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            var e = NewExecution(submittedAt: T0.AddSeconds(i)) with { QueryId = 7, QueryVersion = 2 };
            await Executions.InsertExecutionAsync(e, null, None);
            ids.Add(e.Id);
        }
        await Executions.InsertExecutionAsync(NewExecution() with { QueryId = 7, QueryVersion = 1 }, null, None);
        await Executions.InsertExecutionAsync(NewExecution("bob") with { QueryId = 7, QueryVersion = 2 }, null, None);
        await Executions.InsertExecutionAsync(NewExecution() with { QueryId = 8, QueryVersion = 2 }, null, None);

        Assert.Equal([ids[3], ids[2], ids[1]], (await Executions.ListQueryExecutionsAsync(7, 2, "alice", 3, None)).Select(e => e.Id));
        Assert.Equal(4, (await Executions.ListQueryExecutionsAsync(7, 2, "alice", 100, None)).Count);
        Assert.Empty(await Executions.ListQueryExecutionsAsync(7, 3, "alice", 100, None));
    }

    [Fact]
    public async Task The_latest_query_execution_prefers_a_result_then_the_newest_and_matches_every_given_parameter()
    {
        async Task<Execution> AddAsync(string owner, int version, string paramsJson, bool complete)
        {
            var e = NewExecution(owner) with { QueryId = 9, QueryVersion = version, ParametersJson = paramsJson };
            await Executions.InsertExecutionAsync(e, null, None);
            if (complete)
            {
                Assert.True(await Executions.TryStartAsync(e.Id, T0, None));
                var result = new ResultInfo(["x"], ["integer"], 1, 8);
                Assert.True(await Executions.TryFinishAsync(e.Id, new ExecutionOutcome(ExecutionState.Completed, T0, Result: result), None));
            }
            return e;
        }
        var one = await AddAsync("alice", 1, """{"n":["1"],"c":["a","b"]}""", complete: true);
        var pendingOne = await AddAsync("alice", 1, """{"n":["1"],"c":["a","b"]}""", complete: false);
        var two = await AddAsync("alice", 1, """{"n":["2"],"c":["a","b"]}""", complete: true);
        await AddAsync("bob", 1, """{"n":["3"]}""", complete: true);
        await AddAsync("alice", 2, """{"n":["4"]}""", complete: true);

        var none = new Dictionary<string, string>();
        Assert.Equal(two.Id, (await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", none, None))!.Id);
        var n1 = new Dictionary<string, string> { ["n"] = """["1"]""" };
        Assert.Equal(one.Id, (await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", n1, None))!.Id);
        var n1c = new Dictionary<string, string> { ["n"] = """["1"]""", ["c"] = """["a","b"]""" };
        Assert.Equal(one.Id, (await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", n1c, None))!.Id);
        var wrongList = new Dictionary<string, string> { ["n"] = """["1"]""", ["c"] = """["b","a"]""" };
        Assert.Null(await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", wrongList, None));
        Assert.Null(await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", new Dictionary<string, string> { ["n"] = """["3"]""" }, None));
        Assert.Null(await Executions.FindLatestQueryExecutionAsync(9, 3, "alice", none, None));

        Assert.True(await Executions.TryStartAsync(pendingOne.Id, T0, None));
        Assert.Equal(one.Id, (await Executions.FindLatestQueryExecutionAsync(9, 1, "alice", n1, None))!.Id);
    }

    [Fact]
    public async Task A_run_is_shared_only_when_it_ended_with_a_result_reading_nothing_private_of_its_runner()
    {
        // runnerPrivate: what the run's end tells (null: it never ends); failed: it ends without a result.
        async Task<Execution> AddAsync(string runner, bool? runnerPrivate, string n = "1", bool failed = false)
        {
            var e = NewExecution(runner) with { QueryId = 11, QueryVersion = 1, ParametersJson = $$"""{"n":["{{n}}"]}""" };
            await Executions.InsertExecutionAsync(e, null, None);
            Assert.True((await Executions.GetExecutionAsync(e.Id, None))!.RunnerPrivate);
            if (runnerPrivate is bool readPrivate)
            {
                Assert.True(await Executions.TryStartAsync(e.Id, T0, None));
                var outcome = failed
                    ? new ExecutionOutcome(ExecutionState.Failed, T0, Error: new ExecutionError(ExecutionError.ExecutionFailed, "boom"), RunnerPrivate: readPrivate)
                    : new ExecutionOutcome(ExecutionState.Completed, T0, Result: new ResultInfo(["x"], ["integer"], 1, 8), RunnerPrivate: readPrivate);
                Assert.True(await Executions.TryFinishAsync(e.Id, outcome, None));
            }
            return e;
        }
        var none = new Dictionary<string, string>();
        var alices = await AddAsync("alice", runnerPrivate: true);
        var carols = await AddAsync("carol", runnerPrivate: true);
        // The owner's run is shared whatever it read; carol's newer run read her private data.
        Assert.Equal(alices.Id, (await Executions.FindLatestSharedQueryExecutionAsync(11, 1, "alice", none, None))!.Id);
        Assert.True((await Executions.GetExecutionAsync(carols.Id, None))!.RunnerPrivate);

        var bobs = await AddAsync("bob", runnerPrivate: false);
        var bobsRead = await Executions.GetExecutionAsync(bobs.Id, None);
        Assert.False(bobsRead!.RunnerPrivate);
        Assert.Equal(bobs.Id, (await Executions.FindLatestSharedQueryExecutionAsync(11, 1, "alice", none, None))!.Id);
        // A failed run is never shared, even when its end said it read nothing private; nor is one still running.
        var daves = await AddAsync("dave", runnerPrivate: false, failed: true);
        Assert.True((await Executions.GetExecutionAsync(daves.Id, None))!.RunnerPrivate);
        await AddAsync("erin", runnerPrivate: null);
        Assert.Equal(bobs.Id, (await Executions.FindLatestSharedQueryExecutionAsync(11, 1, "alice", none, None))!.Id);
        // Parameter selectors, version and the owner-only read are as before.
        var bobsTwo = await AddAsync("bob", runnerPrivate: false, n: "2");
        Assert.Equal(bobs.Id, (await Executions.FindLatestSharedQueryExecutionAsync(11, 1, "alice", new Dictionary<string, string> { ["n"] = """["1"]""" }, None))!.Id);
        Assert.Equal(bobsTwo.Id, (await Executions.FindLatestSharedQueryExecutionAsync(11, 1, "alice", none, None))!.Id);
        Assert.Null(await Executions.FindLatestSharedQueryExecutionAsync(11, 2, "alice", none, None));
        Assert.Equal(alices.Id, (await Executions.FindLatestQueryExecutionAsync(11, 1, "alice", none, None))!.Id);
    }

    [Fact]
    public async Task Stored_result_ids_are_the_owners_unexpired_executions_with_a_result()
    {
        var kept = await CompletedAsync("alice", 10, T0, T0.AddHours(2));
        var forever = await CompletedAsync("alice", 10, T0, null);
        await CompletedAsync("alice", 10, T0, T0.AddHours(1));
        await CompletedAsync("bob", 10, T0, T0.AddHours(2));
        var noResult = NewExecution();
        await Executions.InsertExecutionAsync(noResult, null, None);
        await Executions.TryFinishAsync(noResult.Id, new ExecutionOutcome(ExecutionState.Failed, T0), None);

        var ids = await Executions.StoredResultIdsAsync("alice", T0.AddHours(1), None);
        Assert.Equal(new[] { kept.Id, forever.Id }.Order(), ids.Order());
    }
}
