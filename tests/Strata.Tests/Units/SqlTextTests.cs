using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.Units;

/// <summary>Reuse keys: the same query written with other white space is the same query; anything quoted is not touched.</summary>
public sealed class SqlTextTests
{
    [Theory]
    [InlineData("select  1 ;", "select 1")]
    [InlineData("\n\tselect\n1\n;;  ", "select 1")]
    [InlineData("select 'a   b'", "select 'a   b'")]
    [InlineData("select \"a   b\"", "select \"a   b\"")]
    [InlineData("select $x$a   ;b$x$", "select $x$a   ;b$x$")]
    [InlineData("select 1 -- a   comment\n  from t", "select 1 -- a   comment\n from t")]
    [InlineData("select /* a   b */  1", "select /* a   b */ 1")]
    [InlineData("select 'it''s   x'", "select 'it''s   x'")]
    [InlineData("select 'unterminated   ", "select 'unterminated")]
    public void Normalise_collapses_white_space_outside_quoted_text(string sql, string expected)
    {
        Assert.Equal(expected, SqlText.Normalise(sql));
    }

    [Fact]
    public void Reuse_keys_differ_by_owner_query_version_sql_and_parameters()
    {
        string key = SqlText.ReuseKey("alice", 1, 2, "select 1", "{}");
        Assert.Equal(key, SqlText.ReuseKey("alice", 1, 2, " select   1 ;", "{}"));
        Assert.Equal(64, key.Length);
        string[] others =
        [
            SqlText.ReuseKey("bob", 1, 2, "select 1", "{}"),
            SqlText.ReuseKey("alice", 2, 2, "select 1", "{}"),
            SqlText.ReuseKey("alice", 1, 3, "select 1", "{}"),
            SqlText.ReuseKey("alice", 1, 2, "select 2", "{}"),
            SqlText.ReuseKey("alice", 1, 2, "select 1", """{"a":["1"]}"""),
            SqlText.ReuseKey("alice", 1, 2, "select '1'", "{}"),
        ];
        Assert.All(others, k => Assert.NotEqual(key, k));
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Theory]
    [InlineData(ExecutionState.Pending, false, false)]
    [InlineData(ExecutionState.Executing, false, false)]
    [InlineData(ExecutionState.Completed, true, true)]
    [InlineData(ExecutionState.CompletedPartial, true, true)]
    [InlineData(ExecutionState.Failed, true, false)]
    [InlineData(ExecutionState.Cancelled, true, false)]
    [InlineData(ExecutionState.Expired, true, false)]
    public void Execution_states_round_trip_on_the_wire(ExecutionState state, bool terminal, bool hasResult)
    {
        Assert.Equal(state, ExecutionStates.FromWire(state.ToWire()));
        Assert.StartsWith("QUERY_STATE_", state.ToWire(), StringComparison.Ordinal);
        Assert.Equal(terminal, state.IsTerminal());
        Assert.Equal(hasResult, state.HasResult());
    }

    [Fact]
    public void An_unknown_wire_state_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ExecutionStates.FromWire("QUERY_STATE_RUNNING"));
    }

    [Theory]
    [InlineData(null, PerformanceTier.Medium, true)]
    [InlineData("", PerformanceTier.Medium, true)]
    [InlineData("MEDIUM", PerformanceTier.Medium, true)]
    [InlineData("large", PerformanceTier.Large, true)]
    [InlineData("small", PerformanceTier.Medium, false)]
    public void Performance_tiers_parse(string? text, PerformanceTier tier, bool ok)
    {
        Assert.Equal(ok, PerformanceTiers.TryParse(text, out var parsed));
        Assert.Equal(tier, parsed);
    }
}
