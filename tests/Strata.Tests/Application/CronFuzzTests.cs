using System.Diagnostics;
using System.Text;
using Strata.Application;
using Strata.Application.Views;

namespace Strata.Tests.Application;

/// <summary>
/// Hostile cron expressions (materialized views' schedules, from any key's upsert body): every text is
/// accepted or refused as Invalid naming the problem, quickly; nothing else is thrown (a 500).
/// </summary>
public sealed class CronFuzzTests
{
    private static readonly string[] Tokens =
    [
        "*", "*/", "/", "-", ",", "?", "L", "W", "#", "0", "5", "15", "59", "60", "99999999999", "-1", "2147483648", "JAN", "MON",
        "SUN-SAT", "1-0", "0/0", " ", "\t", "\n", "\0", "é", "@hourly", "@every", "H", "LW", "5L", "1#5", "0-59/15", "31", "2", "*/15",
    ];

    [Theory]
    [InlineData("H * * * *")]
    [InlineData("0 H * * *")]
    [InlineData("H/15 * * * *")]
    public void A_hashed_field_is_refused_as_invalid_not_thrown(string cron)
    {
        // Cronos throws MissingSeedException for H; it reached the client as a 500 (found by the test below).
        var e = Assert.Throws<UseCaseException>(() => CronSchedule.Parse(cron, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("Invalid cron_expression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_cron_expressions_are_accepted_or_refused_as_invalid_and_nothing_else()
    {
        var random = new Random(9);
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        int accepted = 0, refused = 0;
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            int fields = random.Next(3, 8);
            for (int f = 0; f < fields; f++)
            {
                for (int t = random.Next(1, 4); t > 0; t--)
                {
                    text.Append(Tokens[random.Next(Tokens.Length)]);
                }
                text.Append(' ');
            }
            string cron = random.Next(20) == 0 ? new string('1', random.Next(150, 260)) : text.ToString();
            var clock = Stopwatch.StartNew();
            try
            {
                CronSchedule.Parse(cron, now);
                accepted++;
            }
            catch (UseCaseException e) when (e.Error == UseCaseError.Invalid)
            {
                refused++;
            }
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }
        Assert.True(refused > 0, "nothing refused");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"slowest {slowest}");
        Assert.Equal(20_000, accepted + refused);
    }
}
