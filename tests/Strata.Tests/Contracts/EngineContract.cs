using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Storage.Files.Results;

namespace Strata.Tests.Contracts;

/// <summary>
/// What the execution use cases rely on from an <see cref="IQueryEngine"/>, written once and run against
/// every implementation: the fake of the use-case tests (<c>FakeEngine</c>), the in-process
/// <c>DuckDbEngine</c> and the server's <c>IsolatedEngine</c> (worker processes). A run that ends well has
/// written and completed its result through the writer it was given, and its outcome counts what the writer
/// holds; a failing query is a <see cref="QueryFailedException"/>; a run whose token fires ends with an
/// <see cref="OperationCanceledException"/>; neither leaves a result. Each subclass says how its engine is
/// made to do each thing (a SQL text for a real engine, a scripted ending for the fake).
/// </summary>
public abstract class EngineContract : IAsyncLifetime
{
    /// <summary>A real-time bound on each run, so that an engine that does not stop fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Guard = Api.HangGuard;

    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("strata-engine-contract-").FullName;

    protected LocalResultStore Results { get; private set; } = null!;

    protected string Directory => directory;

    /// <summary>The engine under test, made once the directory exists.</summary>
    protected abstract IQueryEngine Engine { get; }

    protected abstract Task CreateEngineAsync();

    protected virtual void DisposeEngine()
    {
    }

    /// <summary>The statement that returns the integers 0 .. rows-1 as one column (a real engine's SQL).</summary>
    protected abstract string Returning(long rows);

    /// <summary>A statement that fails as a query error (a real engine's SQL).</summary>
    protected abstract string Failing { get; }

    /// <summary>A statement that runs for hours (a real engine's SQL).</summary>
    protected abstract string RunningForHours { get; }

    /// <summary>Once the run of <paramref name="executionId"/> has been asked for: makes it end as <paramref name="ending"/> says (the fake).</summary>
    protected virtual Task DriveAsync(string executionId, Ending ending) => Task.CompletedTask;

    /// <summary>Completes when the run has started (the fake knows; a real engine's run lasts hours, so any moment is a running one).</summary>
    protected virtual Task RunningAsync(string executionId) => Task.CompletedTask;

    protected sealed record Ending(long Rows = 0, bool Truncated = false, Exception? Failure = null);

    public async Task InitializeAsync()
    {
        Results = new LocalResultStore(Path.Combine(directory, "results"));
        await CreateEngineAsync();
    }

    public Task DisposeAsync()
    {
        DisposeEngine();
        System.IO.Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    private static EngineRequest Request(string sql, long maxResultBytes = 1L << 30) =>
        new(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, maxResultBytes, [], Strata.Core.Queries.SqlDialect.DuckDb);

    [Fact]
    public async Task A_completed_run_has_written_its_rows_through_the_writer_and_its_outcome_counts_them()
    {
        var request = Request(Returning(3));
        ResultWriter? given = null;
        var run = Engine.ExecuteAsync(request, schema => given = Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        await DriveAsync(request.ExecutionId, new Ending(Rows: 3));
        var outcome = await run.WaitAsync(Guard);

        Assert.NotNull(given);
        Assert.False(outcome.Truncated);
        Assert.Equal(3, outcome.RowCount);
        Assert.Single(outcome.Schema.Columns);
        Assert.Equal(ColumnKind.Int64, outcome.Schema.Columns[0].Kind);
        using var stored = Results.Open(request.ExecutionId);
        Assert.NotNull(stored);
        Assert.Equal(outcome.Schema.ColumnNames, stored.Schema.ColumnNames);
        var values = new List<long>();
        await foreach (var slice in stored.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            var column = (Apache.Arrow.Int64Array)slice.Batch.Column(0);
            for (int i = slice.Start; i < slice.Start + slice.Length; i++)
            {
                values.Add(column.GetValue(i)!.Value);
            }
        }
        Assert.Equal([0L, 1L, 2L], values);
        Assert.True(outcome.ResultBytes > 0, $"{outcome.ResultBytes} result bytes for three rows");
    }

    [Fact]
    public async Task A_truncated_run_says_so_and_what_it_stored_is_what_its_outcome_counts()
    {
        // A real engine stops copying once the rows pass MaxResultBytes; the fake is told to stop.
        var request = Request(Returning(1_000_000), maxResultBytes: 64 * 1024);
        var run = Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        await DriveAsync(request.ExecutionId, new Ending(Rows: 1000, Truncated: true));
        var outcome = await run.WaitAsync(Guard);

        Assert.True(outcome.Truncated);
        Assert.InRange(outcome.RowCount, 1, 999_999);
        using var stored = Results.Open(request.ExecutionId);
        Assert.NotNull(stored);
        long rows = 0;
        await foreach (var slice in stored.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            rows += slice.Length;
        }
        Assert.Equal(outcome.RowCount, rows);
    }

    [Fact]
    public async Task A_failing_query_is_a_query_failure_with_a_message_and_leaves_no_result()
    {
        var request = Request(Failing);
        var run = Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        await DriveAsync(request.ExecutionId, new Ending(Failure: new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, "Table with name no_such_table does not exist"))));
        var e = await Assert.ThrowsAsync<QueryFailedException>(() => run.WaitAsync(Guard));
        Assert.False(string.IsNullOrWhiteSpace(e.Error.Message));
        Assert.False(string.IsNullOrWhiteSpace(e.Error.Type));
        Assert.Null(Results.Open(request.ExecutionId));
    }

    [Fact]
    public async Task A_run_whose_token_fires_while_it_runs_ends_cancelled_and_leaves_no_result()
    {
        var request = Request(RunningForHours);
        using var cancel = new CancellationTokenSource();
        var run = Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), cancel.Token);
        await RunningAsync(request.ExecutionId).WaitAsync(Guard);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
        Assert.Null(Results.Open(request.ExecutionId));
    }

    [Fact]
    public async Task A_run_asked_for_with_a_token_that_already_fired_ends_cancelled()
    {
        var request = Request(Returning(1));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), cancel.Token).WaitAsync(Guard));
        Assert.Null(Results.Open(request.ExecutionId));
    }
}
