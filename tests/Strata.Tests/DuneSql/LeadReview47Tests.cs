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
}
