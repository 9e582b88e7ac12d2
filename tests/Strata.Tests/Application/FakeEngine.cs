using System.Collections.Concurrent;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;

namespace Strata.Tests.Application;

/// <summary>
/// An <see cref="IQueryEngine"/> that runs nothing: each execution blocks until the test completes,
/// fails or lets it be cancelled. Every step is a <see cref="TaskCompletionSource"/>, so a test knows
/// exactly where a run is without sleeping.
/// </summary>
internal sealed class FakeEngine : IQueryEngine
{
    private readonly ConcurrentDictionary<string, FakeRun> runs = new(StringComparer.Ordinal);

    /// <summary>When false, a run does not stop on its token (an engine that finishes after a cancel arrived).</summary>
    public bool ObservesCancellation { get; set; } = true;

    /// <summary>The run of an execution, created on first mention (by the test or by the worker).</summary>
    public FakeRun Run(string executionId) => runs.GetOrAdd(executionId, id => new FakeRun(id));

    /// <summary>Executions the engine was asked to run, in order.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    private readonly System.Threading.Channels.Channel<FakeRun> started = System.Threading.Channels.Channel.CreateUnbounded<FakeRun>();

    /// <summary>The next run the engine was asked for (in order), once it is asked.</summary>
    public async Task<FakeRun> NextStartedAsync() => await started.Reader.ReadAsync().AsTask().WaitAsync(ExecutionHarness.Guard);

    /// <summary>True when a run was asked for that <see cref="NextStartedAsync"/> has not returned yet.</summary>
    public bool HasUnreadStart => started.Reader.TryPeek(out _);

    public async Task<EngineOutcome> ExecuteAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken)
    {
        var run = Run(request.ExecutionId);
        run.Request = request;
        Started.Enqueue(request.ExecutionId);
        run.StartedSource.TrySetResult();
        started.Writer.TryWrite(run);
        using var registration = ObservesCancellation
            ? cancellationToken.Register(() => run.Finish.TrySetCanceled(cancellationToken))
            : default;
        var ending = await run.Finish.Task.ConfigureAwait(false);
        return ending(createWriter);
    }
}

/// <summary>One execution inside <see cref="FakeEngine"/>.</summary>
internal sealed class FakeRun(string executionId)
{
    private static readonly ResultSchema Schema = new([new ResultColumn("n", "bigint", ColumnKind.Int64)]);

    public string ExecutionId { get; } = executionId;

    public EngineRequest? Request { get; set; }

    internal TaskCompletionSource StartedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TaskCompletionSource<Func<Func<ResultSchema, ResultWriter>, EngineOutcome>> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the engine has been asked to run this execution.</summary>
    public Task Started => StartedSource.Task;

    /// <summary>Ends the run with <paramref name="rows"/> rows (0, 1, ...) of one bigint column, written and completed
    /// through the writer the engine was given, as every <see cref="IQueryEngine"/> does (<c>EngineContract</c>).
    /// <paramref name="showedPrivate"/>: what a real engine tells of its sandbox (a private table of the runner shown).</summary>
    public void Complete(long rows = 1, bool truncated = false, bool showedPrivate = true) => Finish.TrySetResult(createWriter =>
    {
        using var writer = createWriter(Schema);
        for (long i = 0; i < rows; i++)
        {
            writer.AppendInt64(0, i);
            writer.EndRow();
        }
        writer.Complete();
        return new EngineOutcome(Schema, writer.RowCount, writer.ValueBytes, truncated) { ShowedPrivate = showedPrivate };
    });

    public void Fail(Exception exception) => Finish.TrySetResult(_ => throw exception);
}
