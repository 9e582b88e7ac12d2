using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>hostile31 (decision 294): the synthetic text's error marking and internal-name salting are one scan; the
/// answers below are written by hand from the two rules (a literal's text is never changed; <c>terror(</c> is no call).</summary>
public sealed class Hostile31SyntheticTextTests
{
    [Theory]
    [InlineData("error('x _strata_y') || _strata_z", "_strata2_", "error('\uE000' || 'x _strata_y') || _strata2_z")]
    [InlineData("terror(_strata_q) || 'it''s error(' || error(_strata_q)", "_strata7_", "terror(_strata7_q) || 'it''s error(' || error('\uE000' || _strata7_q)")]
    [InlineData("error(_strata_q)", null, "error('\uE000' || _strata_q)")]
    [InlineData("f(_strata_q, '_strata_q')", null, "f(_strata_q, '_strata_q')")]
    [InlineData("f(_strata_q, '_strata_q')", "_strata9_", "f(_strata9_q, '_strata_q')")]
    public void Errors_are_marked_and_internal_names_salted_outside_literals(string text, string? prefix, string expected)
    {
        Assert.Equal(expected, SyntheticText.Written(text, prefix));
    }
}
