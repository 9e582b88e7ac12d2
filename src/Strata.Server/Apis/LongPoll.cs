using System.Globalization;
using Strata.Application;

namespace Strata.Server.Apis;

/// <summary>
/// <c>wait=&lt;seconds&gt;</c>: answer when the execution is terminal or the time is up (the wait itself is
/// <c>ExecutionService.WaitAsync</c>: a task completed by the worker that ends the execution).
/// </summary>
public static class LongPoll
{
    public const int MaxSeconds = 60;

    /// <summary>The wait asked for (zero when absent); a value that is not 0-60 seconds is refused.</summary>
    public static TimeSpan Wait(IQueryCollection query)
    {
        if (!query.TryGetValue("wait", out var text) || string.IsNullOrEmpty(text))
        {
            return TimeSpan.Zero;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || double.IsNaN(seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"wait must be a number of seconds from 0 to {MaxSeconds}, got '{text}'");
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
