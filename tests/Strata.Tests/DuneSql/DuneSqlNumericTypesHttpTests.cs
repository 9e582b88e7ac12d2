namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-types4" through the HTTP API: avg and round of a decimal column and a sum of integers feeding a
/// bigint function, as JSON values, column types and CSV; a sum past bigint fails naming the overflow.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlNumericTypesHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Avg_and_round_of_a_decimal_column_and_a_sum_of_integers_are_Trinos_on_the_wire()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync("SELECT avg(x) AS a, max(round(x, 1)) AS r, sum(k) AS s, "
            + "sequence(1, sum(k))[3] AS q, max(round(x)) AS w, sequence(1, 2) AS l FROM (VALUES (CAST(1.25 AS decimal(10,2)), 1), (CAST(2.50 AS decimal(10,2)), 2), "
            + "(CAST(2.26 AS decimal(10,2)), 3)) AS t(x, k)");
        Assert.Equal(["decimal(10,2)", "decimal(11,2)", "bigint", "bigint", "decimal(9,0)", "array(bigint)"], types);
        Assert.Equal("2.00", row["a"]!.ToString());
        Assert.Equal("2.50", row["r"]!.ToString());
        Assert.Equal(6, row["s"]!.GetValue<long>());
        Assert.Equal(3, row["q"]!.GetValue<long>());
        Assert.Equal("3", row["w"]!.ToString());
        Assert.Equal("[1,2]", row["l"]!.ToJsonString());
        Assert.Equal("a,r,s,q,w,l", csv[0]);
        Assert.StartsWith("2.00,2.50,6,3,3,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sum_past_bigint_fails_naming_the_overflow()
    {
        string id = await Server.Alice.SubmitAsync("SELECT k, sum(x) FROM (VALUES (1, BIGINT '9223372036854775807'), (1, BIGINT '1')) AS t(k, x) GROUP BY k");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("bigint addition overflow", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
