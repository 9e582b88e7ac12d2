using System.Text.Json.Nodes;

namespace Strata.Tests.DuneSql;

/// <summary>
/// uint256/int256 and aggregate typing through the HTTP API, JSON and CSV: the documented examples of Dune's
/// docs (query-engine/Functions-and-operators/conversion.mdx, datatypes.mdx) and Trino's (functions/aggregate.md)
/// with their documented answers, rendered as the contract says (256-bit values as exact decimal strings,
/// sums of integers as bigint numbers).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Uint256HttpTests(InProcessSharedServer shared)
{
    private const string UintMax = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    private InProcessServer Server => shared.Server;

    private Task<(JsonNode Row, string[] Types, string[] Csv)> RunAsync(string sql) => Server.Alice.RunFirstRowAsync(sql);

    private async Task<string> FailureAsync(string sql)
    {
        string id = await Server.Alice.SubmitAsync(sql);
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        return status["error"]!["message"]!.GetValue<string>();
    }

    [Fact]
    public async Task Implicit_conversions_give_Dunes_documented_answers()
    {
        // conversion.mdx: "SELECT 2 * UINT256 '1'" equals "SELECT CAST(2 AS UINT256) * UINT256 '1'";
        // "SELECT INT256 '1' > 0"; "SELECT COALESCE(1, INT256 '2')" (int256); the CASE example resolves to 2.
        var (row, types, csv) = await RunAsync(
            "SELECT 2 * UINT256 '1' AS a, CAST(2 AS UINT256) * UINT256 '1' AS b, INT256 '1' > 0 AS c, COALESCE(1, INT256 '2') AS d, "
            + "CASE WHEN false THEN BIGINT '0' WHEN false THEN INT256 '1' WHEN true THEN UINT256 '2' END AS e");
        Assert.Equal("2", row["a"]!.GetValue<string>());
        Assert.Equal("2", row["b"]!.GetValue<string>());
        Assert.True(row["c"]!.GetValue<bool>());
        Assert.Equal("1", row["d"]!.GetValue<string>());
        Assert.Equal("2", row["e"]!.GetValue<string>());
        // conversion.mdx: COALESCE(1, INT256 '2') and the CASE example "will resolve to INT256".
        Assert.Equal(["uint256", "uint256", "boolean", "int256", "int256"], types);
        Assert.Equal(["a,b,c,d,e", "2,2,true,1,2"], csv);
    }

    [Fact]
    public async Task A_union_of_int256_and_double_is_Dunes_double()
    {
        // conversion.mdx: (VALUES TINYINT '0') UNION (VALUES INT256 '1') UNION (VALUES DOUBLE '2') resolves to DOUBLE
        // (decision "dune-types4": the branches are unified as a CASE's values; DuckDB alone kept int256).
        var (row, types, csv) = await RunAsync(
            "SELECT max(x) AS x FROM ((VALUES TINYINT '0') UNION (VALUES INT256 '1') UNION (VALUES DOUBLE '2')) AS t(x)");
        Assert.Equal(["double"], types);
        Assert.Equal(2.0, row["x"]!.GetValue<double>());
        Assert.Equal(["x", "2"], csv);
    }

    [Fact]
    public async Task A_sum_of_int256_is_int256_and_a_uint256_next_to_a_fraction_is_a_double()
    {
        // aggregate.mdx: sum returns the input's type; conversion.mdx: UINT256/INT256 with a DECIMAL of non-zero scale
        // or a DOUBLE is DOUBLE (comparisons and COALESCE included).
        var (row, types, csv) = await RunAsync(
            "SELECT sum(x) AS s, sum(x) > -4.5 AS gt, max(coalesce(y, 2.5)) AS c, max(y) > 6.5 AS big "
            + "FROM (VALUES (INT256 '-5', UINT256 '7'), (INT256 '2', NULL)) AS t(x, y)");
        Assert.Equal(["int256", "boolean", "double", "boolean"], types);
        Assert.Equal("-3", row["s"]!.GetValue<string>());
        Assert.True(row["gt"]!.GetValue<bool>());
        Assert.Equal(7.0, row["c"]!.GetValue<double>());
        Assert.Equal(["s,gt,c,big", "-3,true,7,true"], csv);
    }

    [Fact]
    public async Task Uint256_and_int256_are_two_types_in_the_results()
    {
        // datatypes.mdx: UINT256 is 0 .. 2^256 - 1, INT256 -2^255 .. 2^255 - 1; varbinary.mdx: varbinary_to_uint256/int256.
        var (row, types, csv) = await RunAsync(
            "SELECT UINT256 '5' AS u, INT256 '-5' AS i, UINT256 '5' + INT256 '-7' AS mixed, varbinary_to_int256(0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe) AS vi, "
            + "varbinary_to_uint256(0x0100) AS vu, try_sum(x) AS ts, cardinality(map(array['a'], array[1])) AS n FROM (VALUES UINT256 '1', UINT256 '2') AS t(x)");
        Assert.Equal(["uint256", "int256", "int256", "int256", "uint256", "uint256", "bigint"], types);
        Assert.Equal("-2", row["mixed"]!.GetValue<string>());
        Assert.Equal("-2", row["vi"]!.GetValue<string>());
        Assert.Equal("256", row["vu"]!.GetValue<string>());
        Assert.Equal("3", row["ts"]!.GetValue<string>());
        Assert.Equal(1, row["n"]!.GetValue<long>());
        Assert.Equal(["u,i,mixed,vi,vu,ts,n", "5,-5,-2,-2,256,3,1"], csv);
    }

    [Fact]
    public async Task Uint256_arithmetic_is_exact_over_the_whole_range()
    {
        // datatypes.mdx: UINT256 holds 0 .. 2^256 - 1, INT256 -2^255 .. 2^255 - 1.
        var (row, types, csv) = await RunAsync(
            $"SELECT UINT256 '{UintMax}' AS max, UINT256 '{UintMax}' / 3 * 3 AS whole, UINT256 '{UintMax}' % 1000 AS rem, "
            + "(UINT256 '340282366920938463463374607431768211456' - 1) * (UINT256 '340282366920938463463374607431768211456' + 1) AS product, "
            + "INT256 '-7' / 2 AS q, INT256 '-7' % 3 AS r, UINT256 '7' / 2e0 AS half");
        Assert.Equal(UintMax, row["max"]!.GetValue<string>());
        Assert.Equal(UintMax, row["whole"]!.GetValue<string>());
        Assert.Equal("935", row["rem"]!.GetValue<string>());
        Assert.Equal(UintMax, row["product"]!.GetValue<string>());
        Assert.Equal("-3", row["q"]!.GetValue<string>());
        Assert.Equal("-1", row["r"]!.GetValue<string>());
        Assert.Equal(3.5, row["half"]!.GetValue<double>());
        Assert.Equal(["uint256", "uint256", "uint256", "uint256", "int256", "int256", "double"], types);
        Assert.Equal($"{UintMax},{UintMax},935,{UintMax},-3,-1,3.5", csv[1]);
        // The digits round-trip through varchar.
        var (text, _, _) = await RunAsync($"SELECT CAST(CAST(UINT256 '{UintMax}' AS varchar) AS uint256) = UINT256 '{UintMax}' AS same");
        Assert.True(text["same"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData($"SELECT UINT256 '{UintMax}' * 2", "multiplication overflow")]
    [InlineData($"SELECT UINT256 '{UintMax}' + 1", "addition overflow")]
    [InlineData("SELECT UINT256 '1' - UINT256 '2'", "uint256 subtraction overflow")]
    [InlineData("SELECT INT256 '57896044618658097711785492504343953926634992332820282019728792003956564819967' + 1", "int256 addition overflow")]
    [InlineData("SELECT UINT256 '1' / 0", "Division by zero")]
    [InlineData("SELECT CAST(-1 AS UINT256)", "out of range")]
    [InlineData("SELECT sum(x) FROM (VALUES BIGINT '9223372036854775807', BIGINT '1') AS t(x)", "bigint addition overflow")]
    public async Task Overflow_is_an_error_not_a_value(string sql, string message)
    {
        Assert.Contains(message, await FailureAsync(sql), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sum_of_an_integer_column_is_a_bigint_number()
    {
        // Trino (functions/aggregate.md): sum(x) has the type of x's sum: bigint for integers, double for doubles,
        // decimal for decimals; count(*) is bigint, avg of integers double. Dune adds sum(uint256) -> uint256.
        var (row, types, csv) = await RunAsync(
            "SELECT sum(n) AS s, sum(CAST(n AS integer)) AS si, count(*) AS c, avg(n) AS a, sum(CAST(n AS double)) AS sd, "
            + "sum(CAST(n AS decimal(10,2))) AS sm, sum(CAST(n AS uint256) * UINT256 '1000000000000000000000000000000') AS su "
            + "FROM (SELECT CAST(n AS bigint) AS n FROM unnest(sequence(1, 100)) AS t(n))");
        Assert.Equal(["bigint", "bigint", "bigint", "double", "double", "decimal(38,2)", "uint256"], types);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, JsonValueKind(row["s"]));
        Assert.Equal(5050, row["s"]!.GetValue<long>());
        Assert.Equal(5050, row["si"]!.GetValue<long>());
        Assert.Equal(100, row["c"]!.GetValue<long>());
        Assert.Equal(50.5, row["a"]!.GetValue<double>());
        Assert.Equal(5050.0, row["sd"]!.GetValue<double>());
        Assert.Equal("5050000000000000000000000000000000", row["su"]!.GetValue<string>());
        Assert.Equal("5050,5050,100,50.5,5050,5050.00,5050000000000000000000000000000000", csv[1]);
    }

    [Fact]
    public async Task Sum_of_a_demo_uint256_column_is_exact()
    {
        // The same sum in DuckDB's exact BIGNUM and as the digits added here.
        var (row, types, _) = await RunAsync(
            "SELECT CAST(sum(value) AS varchar) AS total, array_agg(CAST(value AS varchar)) AS parts "
            + "FROM (SELECT value FROM erc20_ethereum.evt_Transfer ORDER BY evt_block_number, evt_index LIMIT 500)");
        Assert.Equal(["varchar", "array(varchar)"], types);
        var expected = row["parts"]!.AsArray().Select(v => System.Numerics.BigInteger.Parse(v!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .Aggregate(System.Numerics.BigInteger.Zero, (a, b) => a + b);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), row["total"]!.GetValue<string>());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node!.GetValueKind();
}
