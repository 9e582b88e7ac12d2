namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 296 (lead): a function Trino or Dune defines, called with a count of arguments none of Strata's forms takes,
/// is refused as Trino's analyzer refuses it, "Unexpected parameters (…) for function f" (it said "Function 'f' not
/// registered", telling the user a documented function does not exist). A name no one defines keeps "not registered".
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class LeadReview47Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // array.mdx: array_max(x) takes one array; bitwise.mdx: bitwise_and(x, y) two bigints; window functions too.
    [InlineData("SELECT array_max()", "Unexpected parameters () for function array_max")]
    [InlineData("SELECT array_max(ARRAY[1], 2)", "Unexpected parameters for function array_max")]
    [InlineData("SELECT bitwise_and(1)", "Unexpected parameters (integer) for function bitwise_and")]
    [InlineData("SELECT 1 + initcap('a', 'b')", "Unexpected parameters (varchar(1), varchar(1)) for function initcap")]
    public async Task A_known_function_given_a_count_of_arguments_it_does_not_take_has_unexpected_parameters(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    [InlineData("SELECT no_such_function()", "no_such_function")]
    [InlineData("SELECT no_such_function(1, 2)", "no_such_function")]
    public async Task A_name_no_one_defines_is_still_not_registered(string sql, string name)
    {
        Assert.Equal($"Function '{name}' not registered", await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    // Trino names an unnamed select item _colN, also through SELECT * of a subquery (main named it "(1 + 1)"), and through
    // the translator's set-operation wraps (the review of 292: the column was named after the wrap's internal SQL).
    [InlineData("SELECT * FROM (SELECT 1 + 1) t", "_col0")]
    [InlineData("SELECT * FROM (SELECT 1 + 1, 2 AS b) t(a)", "a,b")]
    [InlineData("SELECT * FROM (SELECT 1 + 1, 2 AS b, 3 * 1) t(a)", "a,b,_col2")]
    [InlineData("SELECT * FROM (SELECT x, x + 1 FROM (VALUES 1) v(x))", "x,_col1")]
    [InlineData("SELECT * FROM (SELECT 1 + 1 UNION SELECT 3)", "_col0")]
    [InlineData("WITH z(z, n) AS (VALUES ('Asia/Kolkata', 1), ('UTC', 2)) SELECT from_unixtime(0, z), n * 2 FROM z WHERE n = 1 UNION SELECT from_unixtime(0, z), n * 2 FROM z WHERE n = 2", "_col0,_col1")]
    [InlineData("WITH z(z, n) AS (VALUES ('Asia/Kolkata', 1), ('Europe/Paris', 2)) SELECT from_unixtime(0, z) FROM z WHERE n = 1 INTERSECT SELECT from_unixtime(0, z) FROM z WHERE n = 2", "_col0")]
    public async Task An_unnamed_column_read_through_a_star_or_a_set_operation_wrap_is_col_n(string sql, string header)
    {
        var lines = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(header, lines[0]);
    }

    [Fact]
    public async Task Reverse_of_an_untyped_null_is_null()
    {
        // string.md: reverse(string) → varchar; an untyped NULL is read as varchar (the review of 291: it failed
        // "cast_to_type cannot be used to cast to NULL").
        var lines = await Server.Alice.RunCsvAsync("SELECT reverse(NULL) AS r, reverse(NULL) IS NULL AS n");
        Assert.Equal(["r,n", ",true"], lines);
    }
}
