using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>hostile30 (decision 288): holes found in the attack round.</summary>
public sealed class Hostile30AttackTests
{
    [Fact]
    public void The_internal_prefix_is_chosen_in_one_pass_over_a_text_naming_many()
    {
        // A 1 MiB text naming _strata_ and _strata1_ … _strata70000_ (in a comment): each candidate prefix was a scan of
        // the whole text, 70,000 scans of a mebibyte.
        var text = new StringBuilder("SELECT 1 -- _strata_");
        for (int n = 1; n <= 70_000; n++)
        {
            text.Append(" _STRATA").Append(n.ToString(CultureInfo.InvariantCulture)).Append('_');
        }
        var clock = Stopwatch.StartNew();
        Assert.Equal("_strata70001_", InternalNames.PrefixFor(text.ToString()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData("SELECT 1", null)]
    [InlineData("SELECT _strata_x", "_strata1_")]
    [InlineData("SELECT _strata_x, _Strata1_y", "_strata2_")]
    // _strata2_ is free: _strata02_ and _strata2x are not it.
    [InlineData("SELECT _strata_x, _strata1_y, _strata2x", "_strata2_")]
    [InlineData("SELECT _strata_x, _strata1_y, _strata02_", "_strata3_")]
    public void The_internal_prefix_is_the_least_number_the_text_does_not_hold(string user, string? prefix)
    {
        string? chosen = InternalNames.PrefixFor(user);
        Assert.Equal(prefix, chosen);
        if (chosen is not null)
        {
            Assert.DoesNotContain(chosen, user, StringComparison.OrdinalIgnoreCase);
        }
    }
}
