namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild20": what a probe of public DuneSQL from 40 repositories not probed before met
/// (docs/notes/dune-wild20.md), through the HTTP API. Trino's <c>approx_most_frequent(buckets, value, capacity)</c>
/// aggregate (aggregate.mdx; Trino's VarcharApproximateMostFrequent / BigintApproximateMostFrequent) was "not registered";
/// and the demo's <c>uniswap_v3_ethereum.Pair_evt_Swap</c> typed its signed Swap deltas <c>amount0</c>/<c>amount1</c>
/// uint256, so a query reading them failed on the first negative one (Dune's decoded table types them int256, the event's ABI).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild20Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Approx_most_frequent_gives_the_top_buckets_with_their_counts_most_frequent_first()
    {
        // The top 2 of a, b, b, c, c, c (NULL never counted); ties broken by value; map(varchar, bigint) as Trino's.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT approx_most_frequent(2, x, 100) AS top2,
                   map_keys(approx_most_frequent(3, x, 100)) AS keys3,
                   map_values(approx_most_frequent(3, x, 100)) AS counts3,
                   approx_most_frequent(2, x, 100)['b'] AS b,
                   map_keys(approx_most_frequent(2, y, 100)) AS ties,
                   cardinality(approx_most_frequent(10, x, 100)) AS all_values
            FROM (VALUES ('a', 'q'), ('b', 'p'), ('b', 'q'), ('c', 'p'), ('c', 'z'), ('c', NULL), (NULL, 'z')) t(x, y)
            """);
        Assert.Equal(["map(varchar, bigint)", "array(varchar)", "array(bigint)", "bigint", "array(varchar)", "bigint"], types);
        Assert.Equal("\"{\"\"c\"\":3,\"\"b\"\":2}\",\"[\"\"c\"\",\"\"b\"\",\"\"a\"\"]\",\"[3,2,1]\",2,\"[\"\"p\"\",\"\"q\"\"]\",3", csv[1]);
    }

    [Fact]
    public async Task Approx_most_frequent_is_null_without_a_value_and_takes_a_filter_and_groups()
    {
        var csv = await Server.Alice.RunCsvAsync("""
            SELECT g, approx_most_frequent(2, x, 10) FILTER (WHERE x <> 'z') AS f,
                   approx_most_frequent(2, CASE WHEN x = 'none' THEN x END, 10) AS n
            FROM (VALUES (1, 'a'), (1, 'z'), (1, 'z'), (2, 'b'), (2, 'b'), (2, 'a'), (3, 'z')) t(g, x)
            GROUP BY g ORDER BY g
            """);
        Assert.Equal(["g,f,n", "1,\"{\"\"a\"\":1}\",", "2,\"{\"\"b\"\":2,\"\"a\"\":1}\",", "3,,"], csv);
    }

    [Fact]
    public async Task Approx_most_frequent_counts_the_demo_trades_projects_as_a_group_by_does()
    {
        // The exact counts (the estimate's limit): the same bought symbols, in the same order, as counting them by hand.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            WITH counted AS (SELECT token_bought_symbol AS project, count(*) AS n FROM dex.trades GROUP BY 1),
            top AS (SELECT array_agg(project ORDER BY n DESC, project) AS projects, array_agg(n ORDER BY n DESC, project) AS ns
                    FROM (SELECT * FROM counted ORDER BY n DESC, project LIMIT 3))
            SELECT map_keys(m) = projects AS same_keys, map_values(m) = ns AS same_counts, cardinality(m) AS size
            FROM (SELECT approx_most_frequent(3, token_bought_symbol, 1000) AS m FROM dex.trades) CROSS JOIN top
            """);
        Assert.Equal(["boolean", "boolean", "bigint"], types);
        Assert.Equal("true,true,3", csv[1]);
    }

    [Fact]
    public async Task Approx_most_frequent_refuses_a_bucket_count_under_two_and_two_arguments()
    {
        // Trino's input function: checkCondition(buckets >= 2, …) on the first value.
        Assert.Contains("approx_most_frequent bucket count must be greater than one",
            await Server.Alice.RunToFailureAsync("SELECT approx_most_frequent(1, x, 10) FROM (VALUES 'a') t(x)"), StringComparison.Ordinal);
        // The cheat sheet's APPROX_MOST_FREQUENT(5, "to"): Trino has only the three-argument forms.
        Assert.StartsWith("Unexpected parameters for function approx_most_frequent",
            await Server.Alice.RunToFailureAsync("SELECT approx_most_frequent(5, x) FROM (VALUES 'a') t(x)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uniswap_v3_swap_deltas_are_int256_one_in_one_out()
    {
        // CryptoAI-Jedi/dune-sql-cheatsheets decoded_contracts.md: SELECT …, amount0, amount1, sqrtPriceX96 FROM
        // uniswap_v3_ethereum.Pair_evt_Swap failed with "uint256 overflow" on the first negative delta.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT typeof(amount0) AS t0, typeof(amount1) AS t1, typeof(sqrtPriceX96) AS tp,
                   count(*) > 0 AS some,
                   count_if((amount0 > 0 AND amount1 < 0) OR (amount0 < 0 AND amount1 > 0)) = count(*) AS one_in_one_out,
                   count_if(amount0 < 0) > 0 AND count_if(amount1 < 0) > 0 AS both_signs,
                   min(amount0) < 0 AS min_negative, max(abs(amount1)) > 0 AS abs_positive
            FROM uniswap_v3_ethereum.Pair_evt_Swap
            GROUP BY 1, 2, 3
            """);
        Assert.Equal(["varchar", "varchar", "varchar", "boolean", "boolean", "boolean", "boolean", "boolean"], types);
        Assert.Equal("int256,int256,uint256,true,true,true,true,true", csv[1]);
        // The rows themselves come back (the cheat sheet's query, verbatim but for the window).
        var rows = await Server.Alice.RunCsvAsync("""
            SELECT evt_block_time, evt_tx_hash, contract_address AS pool, sender, recipient, amount0, amount1, sqrtPriceX96
            FROM uniswap_v3_ethereum.Pair_evt_Swap ORDER BY evt_block_time DESC LIMIT 100
            """);
        Assert.True(rows.Length > 1);
    }
    [Fact]
    public async Task A_call_with_a_filter_or_null_treatment_is_a_whole_operand_of_a_subtraction()
    {
        // stasi009/Web3SQLAnalytics OpAirdrop4: total_voting_power - lag(total_voting_power) ignore nulls over (order by day);
        // count(…) FILTER (WHERE …) - count(…) on either side. Trino: the call's tail (FILTER, IGNORE NULLS, OVER) is part
        // of the primary expression; the date-difference rewrite took the call alone (a DuckDB syntax error).
        var csv = await Server.Alice.RunCsvAsync("""
            SELECT x - lag(x) IGNORE NULLS OVER (ORDER BY y) AS d1,
                   lag(x) IGNORE NULLS OVER (ORDER BY y) - x AS d2,
                   max(x) OVER () - count(x) FILTER (WHERE x > 1) OVER () AS d3
            FROM (VALUES (1, 1), (NULL, 2), (4, 3)) t(x, y) ORDER BY y
            """);
        Assert.Equal(["d1,d2,d3", ",,3", ",,3", "3,-3,3"], csv);
        var (_, types, row) = await Server.Alice.RunFirstRowAsync("""
            SELECT count(*) FILTER (WHERE x > 1) - count(*) AS a, max(x) - count(x) FILTER (WHERE x > 1) AS b,
                   max(d) FILTER (WHERE d > DATE '2024-01-01') - min(d) AS c, DATE '2024-01-09' - max(d) FILTER (WHERE d < DATE '2024-01-05') AS e
            FROM (VALUES (1, DATE '2024-01-01'), (3, DATE '2024-01-05')) t(x, d)
            """);
        // Two dates' difference stays Trino's interval day to second with the filter on either side.
        Assert.Equal(["bigint", "bigint", "interval day to second", "interval day to second"], types);
        Assert.Equal("-1,2,4 00:00:00.000,8 00:00:00.000", row[1]);
    }

    [Fact]
    public async Task All_is_a_relation_alias_where_trino_takes_it_as_a_name()
    {
        // stasi009/Web3SQLAnalytics Solana wash trading: FROM all_trades all … all.trader (Trino does not reserve ALL).
        var csv = await Server.Alice.RunCsvAsync("""
            WITH all_trades AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(trader, m))
            SELECT all.trader AS dealer, b.m FROM all_trades all LEFT JOIN all_trades AS b ON all.trader = b.trader
            WHERE all.trader > 0 ORDER BY 1
            """);
        Assert.Equal(["dealer,m", "1,a", "2,b"], csv);
        // ALL stays the keyword where Trino reads it so.
        var keyword = await Server.Alice.RunCsvAsync("""
            SELECT x FROM (VALUES 1) t(x) UNION ALL SELECT x FROM (VALUES 1) AS all(x) WHERE x >= ALL (SELECT 1)
            """);
        Assert.Equal(["x", "1", "1"], keyword);
    }
}
