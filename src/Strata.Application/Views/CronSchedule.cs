using Cronos;

namespace Strata.Application.Views;

/// <summary>
/// A view's refresh schedule: a five-field cron expression in UTC, within Dune's bounds (runs at least
/// 15 minutes apart and at least once a week).
/// </summary>
public sealed class CronSchedule
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(7);

    /// <summary>The longest expression stored: five fields with generous lists fit; more is refused, not kept.</summary>
    public const int MaxLength = 200;

    /// <summary>How far ahead the bounds are checked: over a year, so monthly or yearly gaps show.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private readonly CronExpression expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    /// <summary>Parses and checks an expression against the bounds from <paramref name="now"/>; Invalid with the reason otherwise.</summary>
    public static CronSchedule Parse(string text, DateTimeOffset now)
    {
        if (text.Length > MaxLength)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"cron_expression is {text.Length} characters long; at most {MaxLength}");
        }
        var schedule = ParseUnchecked(text);
        // A schedule that runs at least weekly fires within a week of any instant, so the wait from now counts too;
        // the 15-minute bound applies between runs only.
        DateTime previous = now.UtcDateTime;
        bool first = true;
        var end = now.UtcDateTime + Horizon;
        while (previous < end)
        {
            var next = schedule.expression.GetNextOccurrence(previous, TimeZoneInfo.Utc);
            if (next is null || next - previous > MaxInterval)
            {
                throw Invalid(text, $"it leaves more than a week between runs (after {previous:yyyy-MM-dd HH:mm} UTC)");
            }
            if (!first && next - previous < MinInterval)
            {
                throw Invalid(text, $"it runs more often than every 15 minutes ({previous:HH:mm} and {next:HH:mm} UTC)");
            }
            previous = next.Value;
            first = false;
        }
        return schedule;
    }

    /// <summary>Parses a stored expression (already checked when it was stored).</summary>
    public static CronSchedule ParseUnchecked(string text)
    {
        try
        {
            return new CronSchedule(text, CronExpression.Parse(text.Trim(), CronFormat.Standard));
        }
        // Cronos throws MissingSeedException (not a CronFormatException) for H, its hashed values: it was a 500.
        catch (Exception e) when (e is CronFormatException or MissingSeedException)
        {
            throw Invalid(text, e.Message);
        }
    }

    /// <summary>The first slot strictly after <paramref name="after"/>, if any.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        expression.GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>The latest slot in (<paramref name="after"/>, <paramref name="now"/>], if any: missed slots fold into one run.</summary>
    public DateTimeOffset? LatestDue(DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var slot = NextAfter(after); slot is { } s && s <= now; slot = NextAfter(s))
        {
            latest = s;
        }
        return latest;
    }

    private static UseCaseException Invalid(string text, string why) => new(UseCaseError.Invalid,
        $"Invalid cron_expression '{text}': {why}. Give five fields (minute hour day-of-month month day-of-week, UTC) that run at most every 15 minutes and at least weekly.");
}
