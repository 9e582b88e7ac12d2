using System.Text.Json.Nodes;

namespace Strata.Tests.DuneSql;

/// <summary>Type-dependent results through the HTTP API (branch dune-types): the JSON value, the column type and the CSV
/// text of date_trunc over a DATE, json_size, and the failure of an array subscript past the end.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypesHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Date_trunc_of_a_date_is_a_date_and_json_size_a_bigint()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync("SELECT date_trunc('month', DATE '2022-10-20') AS d, "
            + "json_size('{\"x\": [1, 2, 3]}', '$.x') AS n, "
            + "element_at(ARRAY[1, 2], 3) AS e");
        Assert.Equal("2022-10-01", row["d"]!.GetValue<string>());
        Assert.Equal(3, row["n"]!.GetValue<long>());
        Assert.Null(row["e"]);
        Assert.Equal(["date", "bigint", "integer"], types);
        Assert.Equal("d,n,e", csv[0]);
        Assert.Equal("2022-10-01,3,", csv[1]);
    }

    [Fact]
    public async Task An_array_subscript_past_the_end_fails_with_Trinos_message()
    {
        string id = await Server.Alice.SubmitAsync("SELECT ARRAY[1, 2][3]");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("Array subscript must be less than or equal to array length: 3 > 2", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
