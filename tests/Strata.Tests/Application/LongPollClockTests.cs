using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Strata.Server.Apis;
using Strata.Core.Executions;

namespace Strata.Tests.Application;

/// <summary>
/// The long poll's time on the clock of the service: a zero wait answers at once and a short wait answers when its time
/// is up, to the millisecond of a fake clock. The HTTP test beside it (SavedQueryTests) checks the route with a real
/// server; these are its timings, which a real clock on a loaded machine cannot bound from above.
/// </summary>
public sealed class LongPollClockTests
{
    [Fact]
    public async Task A_zero_wait_on_a_running_execution_answers_at_once_without_arming_a_timer()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var pending = (await h.SubmitAsync("alice")).Execution;
        h.StartWorker();
        await h.Engine.Run(pending.Id).Started.WaitAsync(ExecutionHarness.Guard);
        var running = await h.GetAsync(pending.Id);
        Assert.Equal(ExecutionState.Executing, running.State);

        var answer = h.Service.WaitAsync(running, TimeSpan.Zero, CancellationToken.None);
        Assert.True(answer.IsCompletedSuccessfully, "a zero wait did not answer at once");
        Assert.Equal(ExecutionState.Executing, (await answer).State);
        h.Engine.Run(pending.Id).Complete();
        await h.EndedAsync(pending.Id);
    }

    [Fact]
    public async Task A_short_wait_on_a_running_execution_answers_when_its_time_is_up_and_not_before()
    {
        var wait = TimeSpan.FromMilliseconds(400);
        await using var h = await ExecutionHarness.CreateAsync();
        var pending = (await h.SubmitAsync("alice")).Execution;
        h.StartWorker();
        await h.Engine.Run(pending.Id).Started.WaitAsync(ExecutionHarness.Guard);
        var running = await h.GetAsync(pending.Id);

        var answer = h.Service.WaitAsync(running, wait, CancellationToken.None);
        await h.Time.TimerMadeAsync(wait).WaitAsync(ExecutionHarness.Guard);
        h.Time.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(answer.IsCompleted, "the wait answered before its time was up");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var answered = await answer.WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(ExecutionState.Executing, answered.State);
        h.Engine.Run(pending.Id).Complete();
        await h.EndedAsync(pending.Id);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    [InlineData("0.4", 400)]
    [InlineData("30", 30_000)]
    [InlineData("60", 60_000)]
    public void The_wait_parameter_is_read_as_seconds_with_a_fraction(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LongPoll.Wait(new QueryCollection(new Dictionary<string, StringValues> { ["wait"] = text })));
}
