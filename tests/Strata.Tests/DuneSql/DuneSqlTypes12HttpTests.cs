namespace Strata.Tests.DuneSql;

/// <summary>Set operations with <c>*</c> through the HTTP API (decision "dune-types12"): a star chain of incompatible
/// column types fails the execution with Trino's message; a compatible one keeps its first branch's column names.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes12HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_star_union_of_different_widths_fails_with_trinos_message()
    {
        string message = await Server.Alice.RunToFailureAsync(
            "SELECT * FROM (VALUES (1, 'a')) t(n, s) UNION ALL SELECT * FROM (VALUES (2)) u(n)");
        Assert.Contains("UNION query has different number of fields: 2, 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checked_star_union_keeps_its_column_names_and_types()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT * FROM (VALUES (1, 'a')) t(n, s) UNION ALL SELECT * FROM (VALUES (2, 'b')) u(m, r)");
        Assert.Equal("n,s", csv[0]);
        Assert.Equal(["integer", "varchar"], types);
    }
}
