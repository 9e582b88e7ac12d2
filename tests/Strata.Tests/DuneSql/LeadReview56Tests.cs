namespace Strata.Tests.DuneSql;

/// <summary>
/// The reviews of session 56's merges: a renamed lambda parameter keeps a lambda written twice one expression (GROUP BY),
/// and a LIKE's pattern built with <c>||</c> is the whole concatenation (the linear rewrite reads a lone literal only).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class LeadReview56Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("filter(ARRAY[t.v, 5], t -> t > 2)", "[3,5],1|[5],2")]
    [InlineData("transform(ARRAY[t.v], t -> t * 10)[1]", "30,1|10,2")]
    [InlineData("transform(ARRAY[t.v], t -> transform(ARRAY[t], t -> t + 1)[1])[1]", "4,1|2,2")]
    public async Task A_lambda_whose_parameter_is_named_like_a_relation_groups(string expression, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT {expression} AS g, count(*) AS n FROM (VALUES 1, 3, 1) t(v) GROUP BY {expression} ORDER BY n");
        Assert.Equal(expected, string.Join('|', rows.Skip(1)).Replace("\"", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT 'za-q' LIKE '%a_%' || '_'", "true")]
    [InlineData("SELECT count(*) FROM (VALUES 'za-q', 'b') t(x) WHERE x LIKE '%a_%' || '%'", "1")]
    [InlineData("SELECT x FROM (VALUES 'za-q') t(x) WHERE x LIKE '%a_%' || '' ESCAPE '\\'", "za-q")]
    [InlineData("SELECT 'za-q' LIKE '%a_%_' AND true", "true")]
    [InlineData("SELECT 'za' LIKE '%a_%_'", "false")]
    public async Task A_like_pattern_is_the_whole_right_operand(string sql, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(expected, rows[1]);
    }
}
