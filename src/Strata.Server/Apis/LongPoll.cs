using System.Globalization;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Server.Executions;

namespace Strata.Server.Apis;

/// <summary>
/// <c>wait=&lt;seconds&gt;</c>: answer when the execution is terminal or the time is up. The wait is a task
/// completed by the worker that finishes the execution; no thread is held and nothing polls.
/// </summary>
public static class LongPoll
{
    public const int MaxSeconds = 60;

    public static bool TryParseWait(IQueryCollection query, out TimeSpan wait, out string error)
    {
        wait = TimeSpan.Zero;
        error = "";
        if (!query.TryGetValue("wait", out var text) || string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || double.IsNaN(seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            error = $"wait must be a number of seconds from 0 to {MaxSeconds}, got '{text}'";
            return false;
        }
        wait = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The execution as it is when it ends, or when the wait runs out.</summary>
    public static async Task<Execution> WaitAsync(HttpContext context, ExecutionService executions, IMetadataStore store, Execution execution, TimeSpan wait)
    {
        if (execution.State.IsTerminal())
        {
            return execution;
        }
        // Register first, then re-read: a completion between the two is not missed.
        var finished = executions.WhenFinishedAsync(execution.Id);
        var current = await store.GetExecutionAsync(execution.Id, context.RequestAborted).ConfigureAwait(false) ?? execution;
        if (current.State.IsTerminal())
        {
            executions.Wake(execution.Id);
            return current;
        }
        try
        {
            await finished.WaitAsync(wait, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        return await store.GetExecutionAsync(execution.Id, context.RequestAborted).ConfigureAwait(false) ?? current;
    }
}
