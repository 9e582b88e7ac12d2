namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 338 (docs/notes/dune-wild34.md): a subquery in the ON clause of an outer join. Spellbook's
/// fungible_&lt;chain&gt;_transfers models join prices with <c>LEFT JOIN prices.usd_forward_fill pu ON … AND (pu.contract_address
/// = t.contract_address OR t.contract_address IS NULL AND pu.contract_address = (SELECT wrapped_native_token_address FROM
/// evms.info WHERE blockchain = '…'))</c>; DuckDB refused it ("Cannot perform non-inner join on subquery!"), Trino runs it.
/// The expected rows are Trino's own (TestJoin.testInPredicateInJoinCriteria: <c>t LEFT|RIGHT|FULL JOIN u ON t.x IN
/// (VALUES 1)</c>; a scalar subquery of the one row 1 makes <c>t.x = (SELECT 1)</c> the same predicate), or worked out
/// from the rows by the join's definition; the refusals are Trino's analyzer's ("Reference to column '%s' from outer scope
/// not allowed in this context", TestSubqueries: <c>ON NOT 1 = (SELECT count(*) WHERE o1.orderkey = o2.orderkey)</c>
/// refused at <c>o1.orderkey</c>) and its scalar subquery check ("Scalar sub-query has returned multiple rows").
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild34Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string T = "(VALUES 1, 2, NULL) t(x)";

    private const string U = "(VALUES 1, 3, NULL) u(y)";

    [Theory]
    // TestJoin.testInPredicateInJoinCriteria's LEFT, RIGHT and FULL rows for a predicate of one side and the constant 1.
    [InlineData("LEFT JOIN " + U + " ON t.x = (SELECT 1)", "1,1;1,3;1,;2,;,")]
    [InlineData("RIGHT JOIN " + U + " ON t.x = (SELECT 1)", "1,1;1,3;1,")]
    [InlineData("FULL JOIN " + U + " ON t.x = (SELECT 1)", "1,1;1,3;1,;2,;,")]
    [InlineData("LEFT JOIN " + U + " ON u.y = (SELECT 1)", "1,1;2,1;,1")]
    [InlineData("RIGHT JOIN " + U + " ON u.y = (SELECT 1)", "1,1;2,1;,1;,3;,")]
    [InlineData("FULL OUTER JOIN " + U + " ON u.y = (SELECT 1)", "1,1;2,1;,1;,3;,")]
    // TestJoin.testInPredicateInJoinCriteria's own IN (VALUES 1) conditions (u's column named y here, so the header is two names).
    [InlineData("LEFT JOIN " + U + " ON t.x IN (VALUES 1)", "1,1;1,3;1,;2,;,")]
    [InlineData("RIGHT JOIN " + U + " ON t.x IN (VALUES 1)", "1,1;1,3;1,")]
    [InlineData("FULL JOIN " + U + " ON t.x IN (VALUES 1)", "1,1;1,3;1,;2,;,")]
    [InlineData("LEFT JOIN " + U + " ON u.y IN (VALUES 1)", "1,1;2,1;,1")]
    [InlineData("RIGHT JOIN " + U + " ON u.y IN (VALUES 1)", "1,1;2,1;,1;,3;,")]
    [InlineData("FULL JOIN " + U + " ON u.y IN (VALUES 1)", "1,1;2,1;,1;,3;,")]
    // NOT IN of rows holding a null is never true (an unmatched value's IN is null): no row of t finds a partner.
    [InlineData("LEFT JOIN " + U + " ON t.x NOT IN (SELECT v FROM (VALUES 1, NULL) w(v))", "1,;2,;,")]
    // NOT IN of an empty query is true for every value, a null too.
    [InlineData("LEFT JOIN " + U + " ON u.y = 3 AND t.x + 0 NOT IN (SELECT v FROM (VALUES 1) w(v) WHERE v > 1)", "1,3;2,3;,3")]
    // EXISTS of a query with rows is true, of one without false: the condition is the equality alone, or never true.
    [InlineData("LEFT JOIN " + U + " ON t.x = u.y AND EXISTS (SELECT 1 FROM (VALUES 2) v(y) WHERE y > 1)", "1,1;2,;,")]
    [InlineData("LEFT JOIN " + U + " ON t.x = u.y AND NOT EXISTS (SELECT 1 FROM (VALUES 2) v(y) WHERE y > 1)", "1,;2,;,")]
    public async Task An_uncorrelated_subquery_in_an_outer_join_condition_answers_as_trino(string join, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM " + T + " " + join + " ORDER BY 1 NULLS LAST, 2 NULLS LAST");
        Assert.Equal(["x,y", .. expected.Split(';')], rows);
    }

    [Fact]
    public async Task TestJoins_in_predicate_with_a_query_over_ctes_answers_its_rows()
    {
        // TestJoin.testInPredicateInJoinCriteria's first case (u's column named k): VALUES (2, 20, 2), (1, 10, 1).
        var rows = await Server.Alice.RunCsvAsync("WITH t(x, y) AS (VALUES (1, 10), (2, 20)), u(k) AS (VALUES 1, 2), w(z) AS (VALUES 10, 20) "
            + "SELECT * FROM t LEFT JOIN u ON t.x = u.k AND t.y IN (SELECT z FROM w) ORDER BY 1");
        Assert.Equal(["x,y,k", "1,10,1", "2,20,2"], rows);
    }

    [Fact]
    public async Task The_spellbook_fungible_transfers_shape_prices_the_native_rows_by_the_wrapped_token()
    {
        // Transfers: 0xaa (an ERC-20) and NULL (the native token); prices of 0xaa and 0xee (the wrapped native token, as
        // info names it for chain 'a'). The native row takes 0xee's price, the ERC-20 its own; 0xbb has no price.
        var rows = await Server.Alice.RunCsvAsync(
            "WITH info(blockchain, wrapped) AS (VALUES ('a', 0xee), ('b', 0xff)), "
            + "prices(blockchain, contract_address, price) AS (VALUES ('a', 0xaa, 2.0), ('a', 0xee, 3.0), ('a', 0xff, 5.0)), "
            + "transfers(id, contract_address) AS (VALUES (1, 0xaa), (2, NULL), (3, 0xbb)) "
            + "SELECT t.id, pu.price FROM transfers t LEFT JOIN prices pu ON pu.blockchain = 'a' "
            + "AND (pu.contract_address = t.contract_address OR t.contract_address IS NULL AND pu.contract_address = "
            + "(SELECT wrapped FROM info WHERE blockchain = 'a')) ORDER BY t.id");
        Assert.Equal(["id,price", "1,2.0", "2,3.0", "3,"], rows);
    }

    [Fact]
    public async Task Several_subqueries_and_a_later_join_read_the_relations_as_written()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "WITH lo(v) AS (VALUES 1), hi(v) AS (VALUES 3) "
            + "SELECT t.x, u.y AS ux, w.z FROM " + T + " LEFT JOIN " + U + " ON u.y BETWEEN (SELECT v FROM lo) AND (SELECT v FROM hi) AND t.x = 1 "
            + "LEFT JOIN (VALUES (1, 'one'), (3, 'three')) w(k, z) ON w.k = u.y ORDER BY 1 NULLS LAST, 2 NULLS LAST");
        Assert.Equal(["x,ux,z", "1,1,one", "1,3,three", "2,,", ",,"], rows);
    }

    [Fact]
    public async Task A_scalar_subquery_of_several_rows_fails_as_trino_says()
    {
        Assert.Equal("Scalar sub-query has returned multiple rows",
            await Server.Alice.RunToFailureAsync("SELECT * FROM " + T + " LEFT JOIN " + U + " ON u.y = (SELECT z FROM (VALUES 1, 2) v(z))"));
    }

    [Theory]
    // TestSubqueries' refusal, with VALUES for its table orders; and a FULL JOIN reading the left side from the subquery.
    [InlineData("SELECT count(*) FROM (VALUES 1, 2) o1(orderkey) LEFT JOIN (VALUES 1, 3) o2(orderkey) ON NOT 1 = (SELECT count(*) WHERE o1.orderkey = o2.orderkey)",
        "o1.orderkey", 120)]
    [InlineData("SELECT * FROM " + T + " FULL JOIN " + U + " ON u.y = (SELECT v.z FROM (VALUES 1) v(z) WHERE v.z = t.x)", "t.x", 129)]
    public async Task A_correlated_subquery_in_an_outer_join_condition_is_refused_as_trino_refuses_it(string sql, string reference, int column)
    {
        var (message, line, at) = await Server.Alice.RunToFailureAtAsync(sql);
        Assert.Equal(($"Reference to column '{reference}' from outer scope not allowed in this context", 1, column), (message, line, at));
    }

    [Fact]
    public async Task An_inner_join_keeps_its_correlated_subquery()
    {
        // TestJoin: "correlated subquery in inner join clause" answers (1, 1).
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM " + T + " JOIN " + U + " ON u.y = (SELECT v.x FROM (VALUES 1, 2) v(x) WHERE t.x = v.x)");
        Assert.Equal(["x,y", "1,1"], rows);
    }
}
