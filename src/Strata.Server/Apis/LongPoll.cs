using System.Globalization;

namespace Strata.Server.Apis;

/// <summary>
/// <c>wait=&lt;seconds&gt;</c>: answer when the execution is terminal or the time is up (the wait itself is
/// <c>ExecutionService.WaitAsync</c>: a task completed by the worker that ends the execution).
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
}
