using Strata.Application;
using Strata.Application.Uploads;

namespace Strata.Tests;

/// <summary>The <c>/usage</c> timeframe: billing periods are UTC calendar months, the end is exclusive, and the answer is bounded.</summary>
public sealed class UsageRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void No_timeframe_is_the_current_month()
    {
        var range = UsageRange.Parse(null, null, Now);
        Assert.Equal([D(2026, 12, 1)], range.Months());
        Assert.Equal(range, UsageRange.Parse("", " ", Now));
    }

    [Fact]
    public void Dunes_documented_example_is_one_period_because_the_end_is_exclusive()
    {
        Assert.Equal([D(2025, 1, 1)], UsageRange.Parse("2025-01-01", "2025-02-01", Now).Months());
    }

    [Fact]
    public void A_range_lists_every_month_it_overlaps_in_order()
    {
        Assert.Equal([D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)], UsageRange.Parse("2025-11-15", "2026-02-02", Now).Months());
        Assert.Equal(Enumerable.Range(1, 12).Select(m => D(2026, m, 1)), UsageRange.Parse("2026-01-01", "2026-12-31", Now).Months());
    }

    [Fact]
    public void A_missing_end_runs_through_the_current_month_and_a_missing_start_is_the_ends_own_period()
    {
        Assert.Equal([D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1)], UsageRange.Parse("2026-10-20", null, Now).Months());
        Assert.Equal([D(2027, 3, 1)], UsageRange.Parse("2027-03-05", null, Now).Months());
        Assert.Equal([D(2026, 6, 1)], UsageRange.Parse(null, "2026-07-01", Now).Months());
        Assert.Equal([D(2026, 7, 1)], UsageRange.Parse(null, "2026-07-02", Now).Months());
    }

    [Fact]
    public void An_ISO_timestamp_counts_by_its_UTC_date()
    {
        Assert.Equal([D(2026, 2, 1)], UsageRange.Parse("2026-01-31T23:30:00-02:00", "2026-03-01T00:00:00Z", Now).Months());
    }

    [Theory]
    [InlineData("2026-13-01", null, "start_date must be a date as YYYY-MM-DD")]
    [InlineData("yesterday", null, "start_date must be a date")]
    [InlineData(null, "2026/01/01", "end_date must be a date")]
    [InlineData("2026-02-01", "2026-02-01", "end_date (2026-02-01) must be after start_date (2026-02-01)")]
    [InlineData("2026-03-01", "2026-02-01", "must be after start_date")]
    [InlineData("1990-01-01", "2026-01-01", "more than 120 billing periods")]
    public void Bad_timeframes_are_refused_naming_the_field(string? start, string? end, string message)
    {
        var e = Assert.Throws<UseCaseException>(() => UsageRange.Parse(start, end, Now));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_120_periods_are_allowed()
    {
        Assert.Equal(120, UsageRange.Parse("2017-01-01", "2027-01-01", Now).Months().Count());
    }
}
