using System.Text.Json.Nodes;

namespace Strata.Tests.DuneSql;

/// <summary>The hashes, SQL/JSON functions, comparator sort and time zone functions through the HTTP API: the JSON rows,
/// the column types and the CSV text a Dune client reads.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlFunctionsHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private Task<(JsonNode Row, string[] Types, string[] Csv)> RunAsync(string sql) => Server.Alice.RunFirstRowAsync(sql);

    [Fact]
    public async Task Hashes_give_Trinos_values_as_varbinary_and_bigint()
    {
        var (row, types, csv) = await RunAsync("SELECT xxhash64(CAST('hashme' AS varbinary)) AS x, crc32(to_utf8('CRC me!')) AS c, "
            + "hmac_sha256(to_utf8('hashme'), to_utf8('key')) AS h");
        Assert.Equal("0xf9d96e0e1165e892", row["x"]!.GetValue<string>());
        Assert.Equal(38028046, row["c"]!.GetValue<long>());
        Assert.Equal("0xd3d72f9facde059da3a4eb43a9abdd4b35118e0fef00e6d16fb04bb332af0484", row["h"]!.GetValue<string>());
        Assert.Equal(["varbinary", "bigint", "varbinary"], types);
        Assert.Equal("x,c,h", csv[0]);
        Assert.Equal("0xf9d96e0e1165e892,38028046,0xd3d72f9facde059da3a4eb43a9abdd4b35118e0fef00e6d16fb04bb332af0484", csv[1]);
    }

    [Fact]
    public async Task Json_path_functions_answer_as_Trino()
    {
        var (row, types, csv) = await RunAsync("SELECT json_value('{\"a\": {\"b\": [10, 20]}}', 'lax $.a.b[last]') AS v, "
            + "json_query('{\"a\": {\"b\": [10, 20]}}', 'strict $.a') AS q, json_exists('{\"a\": 1}', 'lax $.b') AS e, "
            + "json_value('{\"a\": \"12\"}', 'lax $.a' RETURNING bigint) AS n");
        Assert.Equal("20", row["v"]!.GetValue<string>());
        Assert.Equal("{\"b\":[10,20]}", row["q"]!.GetValue<string>());
        Assert.False(row["e"]!.GetValue<bool>());
        Assert.Equal(12, row["n"]!.GetValue<long>());
        Assert.Equal(["varchar", "varchar", "boolean", "bigint"], types);
        Assert.Equal("20,\"{\"\"b\"\":[10,20]}\",false,12", csv[1]);
    }

    [Fact]
    public async Task Timestamps_in_utc_and_iso8601_text_render_as_Dune()
    {
        var (row, types, csv) = await RunAsync("SELECT at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'UTC') AS t, "
            + "to_iso8601(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00')) AS i, "
            + "array_sort(ARRAY[3, 2, 5, 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1))) AS s");
        Assert.Equal("2022-11-01 09:08:07.321 UTC", row["t"]!.GetValue<string>());
        Assert.Equal("2020-05-11T11:15:05.055+01:00", row["i"]!.GetValue<string>());
        Assert.Equal("[5,3,2,2,1]", row["s"]!.ToJsonString());
        Assert.Equal("timestamp(3) with time zone", types[0]);
        Assert.Equal("2022-11-01 09:08:07.321 UTC,2020-05-11T11:15:05.055+01:00,\"[5,3,2,2,1]\"", csv[1]);
    }

    [Fact]
    public async Task An_unknown_time_zone_fails_naming_it()
    {
        string id = await Server.Alice.SubmitAsync("SELECT with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angelez')");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("'America/Los_Angelez' is not known", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(59, status["error"]!["metadata"]!["column"]!.GetValue<int>());
    }
}
