using System.Globalization;

namespace Strata.Application.Uploads;

/// <summary>
/// The timeframe of a <c>/usage</c> request: billing periods (UTC calendar months) that overlap
/// [<see cref="From"/>, <see cref="Until"/>). As in Dune's example, where <c>start_date 2025-01-01</c> and
/// <c>end_date 2025-02-01</c> give the one period of January, the end is exclusive.
/// </summary>
public sealed record UsageRange(DateOnly From, DateOnly Until)
{
    /// <summary>The most billing periods one request may list (ten years), so a request's answer is bounded.</summary>
    public const int MaxPeriods = 120;

    /// <summary>
    /// The range named by <paramref name="startDate"/> and <paramref name="endDate"/> (each <c>YYYY-MM-DD</c>, or an
    /// ISO 8601 timestamp whose UTC date is taken; either may be missing). No start means the period holding the day
    /// before the end, or the current period when both are missing; no end means up to and including the current
    /// period (or the start's own period, if that is later).
    /// </summary>
    public static UsageRange Parse(string? startDate, string? endDate, DateTimeOffset now)
    {
        DateOnly? start = ParseDate("start_date", startDate);
        DateOnly? end = ParseDate("end_date", endDate);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (start is null && end is null)
        {
            return new UsageRange(MonthOf(today), MonthOf(today).AddMonths(1));
        }
        DateOnly from = start ?? MonthOf(end!.Value.AddDays(-1));
        DateOnly until = end ?? MonthOf(from > today ? from : today).AddMonths(1);
        if (until <= from)
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"end_date ({until:yyyy-MM-dd}) must be after start_date ({from:yyyy-MM-dd}); the end is exclusive");
        }
        var range = new UsageRange(from, until);
        if (MonthIndex(until.AddDays(-1)) - MonthIndex(from) + 1 > MaxPeriods)
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"start_date to end_date spans more than {MaxPeriods} billing periods (months); ask for a shorter timeframe");
        }
        return range;
    }

    /// <summary>The first day of each calendar month that overlaps the range, in order.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = MonthOf(From); month < Until; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month;

    /// <summary>The earliest date a request may name: billing periods start with the Unix epoch.</summary>
    public static readonly DateOnly Earliest = new(1970, 1, 1);

    /// <summary>The latest date a request may name, a year short of <see cref="DateOnly.MaxValue"/> so that the period
    /// after it can be computed (hostile5: <c>end_date=9999-12-31</c> and <c>start_date=0001-01-01</c> were a 500).</summary>
    public static readonly DateOnly Latest = new(9998, 12, 31);

    private static DateOnly? ParseDate(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        string value = text.Trim();
        if (value.Length == 0)
        {
            return null;
        }
        DateOnly? parsed = null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            parsed = date;
        }
        else if (value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            parsed = DateOnly.FromDateTime(instant.UtcDateTime);
        }
        if (parsed is { } day)
        {
            return day >= Earliest && day <= Latest ? day : throw new UseCaseException(UseCaseError.Invalid,
                $"{field} must be from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}, got {day:yyyy-MM-dd}");
        }
        throw new UseCaseException(UseCaseError.Invalid, $"{field} must be a date as YYYY-MM-DD (or an ISO 8601 timestamp)");
    }
}
