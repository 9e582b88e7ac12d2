namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-types15" through the HTTP API: avg of a uint256 expression over the demo's BIGNUM columns,
/// UNNEST of an array of rows beside an array of scalars, a cast to timestamp(p) rounding, and a timestamp(9) in
/// IS DISTINCT FROM and a quantified comparison.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes15HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Avg_of_a_uint256_expression_over_demo_columns_runs_as_double()
    {
        // gustavobftorres' veBAL average lock time (a CTE's uint256 difference averaged, then divided by a parenthesized
        // product), against the mean from the exact sum: the same to within double rounding. On main: "Unimplemented
        // type for cast (BIGNUM -> DECIMAL(1,0))".
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH l AS (SELECT provider, MAX(locktime) - MAX(ts) AS lock_time FROM balancer_ethereum.veBAL_evt_Deposit GROUP BY 1) "
            + "SELECT abs(AVG(lock_time) / (365 * 86400 / 12) - CAST(sum(lock_time) AS double) / count(lock_time) / 2628000) < 1e-9 AS same, "
            + "typeof(AVG(lock_time) / (365 * 86400 / 12)) AS t FROM l");
        Assert.Equal("same,t", csv[0]);
        Assert.Equal("true,double", csv[1]);
        Assert.Equal(["boolean", "varchar"], types);
    }

    [Fact]
    public async Task Unnest_rounding_and_nanosecond_comparisons_give_trinos_answers()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT (SELECT array_agg(CAST(n AS varchar) || ':' || coalesce(CAST(w AS varchar), 'null') ORDER BY n) "
            + "FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')], ARRAY[5]) AS t(n, c, w)) AS zipped, "
            + "CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(6)) = TIMESTAMP '2024-01-01 00:00:00.123457' AS rounded, "
            + "TIMESTAMP '1970-01-01 00:00:01.000000001' IS DISTINCT FROM at_timezone(from_unixtime(1), 'Europe/Paris') AS distinct_ns, "
            + "TIMESTAMP '1970-01-01 00:00:01.000000001' > ALL (SELECT from_unixtime(1)) AS after_all");
        Assert.Equal("zipped,rounded,distinct_ns,after_all", csv[0]);
        Assert.Equal("\"[\"\"1:5\"\",\"\"2:null\"\"]\",true,true,true", csv[1]);
        Assert.Equal(["array(varchar)", "boolean", "boolean", "boolean"], types);
    }
}
