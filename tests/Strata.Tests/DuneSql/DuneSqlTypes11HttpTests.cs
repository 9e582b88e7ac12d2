namespace Strata.Tests.DuneSql;

/// <summary>Set operations through the HTTP API (decision "dune-types11"): incompatible column types fail the execution
/// with Trino's message; a checked set operation keeps its result columns' names.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes11HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_union_of_integer_and_varchar_fails_with_trinos_message()
    {
        string id = await Server.Alice.SubmitAsync("SELECT 1 AS n UNION ALL SELECT 'one'");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("column 1 in UNION query has incompatible types: integer, varchar", status["error"]!["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checked_union_keeps_its_column_names_and_types()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT a, t.b, c AS d FROM (VALUES (1, 2, 3)) t(a, b, c) UNION ALL SELECT 4, 5, 6");
        Assert.Equal("a,b,d", csv[0]);
        Assert.Equal(["integer", "integer", "integer"], types);
    }
}
