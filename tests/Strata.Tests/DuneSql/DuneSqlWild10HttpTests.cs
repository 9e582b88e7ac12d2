namespace Strata.Tests.DuneSql;

/// <summary>A set-operation branch grouped by an ordinal, through the HTTP API (decision "dune-wild10"): the execution
/// completes with the rows, names and types Dune gives, where it failed "must appear in the GROUP BY clause".</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlWild10HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_union_whose_branch_groups_by_ordinal_completes()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT k, SUM(v) AS total, CASE WHEN k = 1 THEN 'one' END AS label
            FROM (VALUES (1, 10), (1, 5), (2, 7)) t(k, v)
            GROUP BY 1
            UNION
            SELECT k, total, label FROM (VALUES (3, 30, 'three')) AS x (k, total, label)
            ORDER BY 1
            """);
        Assert.Equal(["k,total,label", "1,15,one", "2,7,", "3,30,three"], csv);
        Assert.Equal(["integer", "bigint", "varchar"], types);
    }
}
