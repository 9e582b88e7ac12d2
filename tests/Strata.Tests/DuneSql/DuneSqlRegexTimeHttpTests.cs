namespace Strata.Tests.DuneSql;

/// <summary>Decision 228 through the HTTP API: the sandbox registers <c>dune_java_regexp</c> for a query that needs it,
/// and its errors and from_unixtime's overflow reach the client in Trino's words.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlRegexTimeHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_back_reference_and_a_look_ahead_are_answered()
    {
        var (row, _, csv) = await Server.Alice.RunFirstRowAsync(
            @"SELECT regexp_extract('hello world', '(\w)\1') AS doubled, regexp_replace('abc', '(?=b)', '-') AS marked, "
            + "regexp_split('a11b2c', '(\\d)\\1') AS parts");
        Assert.Equal("ll", row["doubled"]!.GetValue<string>());
        Assert.Equal("a-bc", row["marked"]!.GetValue<string>());
        Assert.Equal("doubled,marked,parts", csv[0]);
    }

    [Theory]
    [InlineData(@"SELECT regexp_extract('aa', '(a)\1', 2)", "Pattern has 1 groups. Cannot access group 2")]
    [InlineData(@"SELECT regexp_replace('aa', '(a)\1', '$2')", "Illegal replacement sequence: unknown group 2")]
    [InlineData("SELECT from_unixtime(1e18)", "Millis overflow: 9223372036854775807")]
    public async Task A_refused_query_has_trinos_words(string sql, string message)
    {
        string error = await Server.Alice.RunToFailureAsync(sql);
        Assert.Equal(message, error);
    }
}
