using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Values inside arrays, maps and rows (branch dune-nested): each is written as the same type is at the top level of a
/// result (contract section 7), in JSON, CSV (the JSON text), the Arrow download and a filtered result view. Dune shows
/// varbinary inside an array as <c>0x01</c>, never DuckDB's <c>\x01</c>.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlNestedValuesTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Binaries = "SELECT ARRAY[0x01, 0xab] AS a, repeat(0x01, 2) AS r, map(ARRAY['a'], ARRAY[0xab]) AS m, "
        + "CAST(ROW(0x01, 1) AS ROW(a varbinary, b int)) AS s, ARRAY[ARRAY[0x0102], NULL] AS n, map(ARRAY[0xff], ARRAY['x']) AS k, "
        + "ARRAY[CAST(ROW(ARRAY[0x00ff]) AS ROW(h array(varbinary)))] AS deep";

    private static readonly string[] BinaryJson =
    [
        """["0x01","0xab"]""", """["0x01","0x01"]""", """{"a":"0xab"}""", """{"a":"0x01","b":1}""", """[["0x0102"],null]""",
        """{"0xff":"x"}""", """[{"h":["0x00ff"]}]""",
    ];

    [Fact]
    public async Task Varbinary_inside_arrays_maps_and_rows_is_lowercase_0x_hex_in_json_and_csv()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(Binaries);
        string[] names = ["a", "r", "m", "s", "n", "k", "deep"];
        Assert.Equal(BinaryJson, names.Select(n => row[n]!.ToJsonString()));
        Assert.Equal(["array(varbinary)", "array(varbinary)", "map(varchar, varbinary)", "row(a varbinary, b integer)",
            "array(array(varbinary))", "map(varbinary, varchar)", "array(row(h array(varbinary)))"], types);
        // CSV holds the same JSON text as a field.
        var parsed = ValueEncodingTests.ParseCsv(string.Join("\n", csv) + "\n");
        Assert.Equal(names, parsed[0]);
        Assert.Equal(BinaryJson, parsed[1]);
    }

    [Fact]
    public async Task Varbinary_inside_arrays_reads_the_same_through_arrow_and_a_filtered_view()
    {
        string id = await Server.Alice.SubmitAsync(Binaries);
        await Server.Alice.WaitAsync(id);
        using var response = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/arrow");
        response.EnsureSuccessStatusCode();
        using var reader = new ArrowStreamReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var batch = await reader.ReadNextRecordBatchAsync();
        Assert.NotNull(batch);
        Assert.Equal(BinaryJson[0], ((StringArray)batch.Column("a")).GetString(0));
        Assert.Equal(BinaryJson[3], ((StringArray)batch.Column("s")).GetString(0));

        var view = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?columns=a,m&filters={Uri.EscapeDataString("a IS NOT NULL")}");
        var viewed = view["result"]!["rows"]![0]!;
        Assert.Equal(BinaryJson[0], viewed["a"]!.ToJsonString());
        Assert.Equal(BinaryJson[2], viewed["m"]!.ToJsonString());
    }

    /// <summary>dune-types7: a filter or sort on a timestamp column in a zone other than UTC (stored as Trino's text, wall
    /// clock and zone) compares instants, as a UTC column's does; the text compared 09:21 New York (13:21 UTC) below 10:00.</summary>
    [Fact]
    public async Task A_filtered_view_of_a_zoned_timestamp_column_compares_instants()
    {
        string id = await Server.Alice.SubmitAsync("SELECT from_unixtime(t) AT TIME ZONE 'America/New_York' AS v "
            + "FROM (VALUES (1623100000), (1623000000), (1623072070)) AS x(t)");
        await Server.Alice.WaitAsync(id);
        var view = await Server.Alice.GetFromJsonNodeAsync(
            $"/api/v1/execution/{id}/results?sort_by=v&filters={Uri.EscapeDataString("v > '2021-06-07 10:00:00'")}");
        var rows = view["result"]!["rows"]!.AsArray().Select(r => r!["v"]!.GetValue<string>()).ToArray();
        Assert.Equal(["2021-06-07 09:21:10.000 America/New_York", "2021-06-07 17:06:40.000 America/New_York"], rows);
    }

    /// <summary>Each value beside the array holding it: the element's JSON is the top-level value's JSON.</summary>
    [Fact]
    public async Task Every_type_inside_an_array_is_written_as_at_the_top_level()
    {
        (string Name, string Sql)[] values =
        [
            ("ts", "TIMESTAMP '2021-06-07 13:21:10.123456'"),
            ("tstz", "from_unixtime(1623072070)"),
            ("d", "DATE '2021-06-01'"),
            ("u", "CAST('115792089237316195423570985008687907853269984665640564039457584007913129639935' AS uint256)"),
            ("i", "CAST('-57896044618658097711785492504343953926634992332820282019728792003956564819968' AS int256)"),
            ("narrow", "CAST(12.50 AS decimal(10,2))"),
            ("half", "CAST(0.5 AS decimal(1,1))"),
            ("wide", "CAST('12345678901234567890123456789.123456789' AS decimal(38,9))"),
            ("r", "CAST(1.1 AS real)"),
            ("rnan", "CAST(nan() AS real)"),
            ("nan", "nan()"),
            ("inf", "infinity()"),
            ("ninf", "-infinity()"),
            ("big", "1e300"),
            ("b", "true"),
            ("txt", "'a\"b\\c'"),
            ("bin", "0xdeadbeef"),
            ("far", "CAST('20000-01-01' AS date)"),
            ("bc", "'0044-03-15 (BC)'::date"),
            ("tinf", "'-infinity'::timestamp"),
            ("early", "'1969-12-31 23:59:59.9995'::timestamp"),
        ];
        string sql = "SELECT " + string.Join(", ", values.Select(v => $"{v.Sql} AS {v.Name}, ARRAY[{v.Sql}] AS a_{v.Name}"))
            + ", s, ARRAY[s] AS a_s FROM (SELECT sum(x) AS s FROM (VALUES (1), (2)) AS t(x))";
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(sql);
        foreach (string name in values.Select(v => v.Name).Append("s"))
        {
            JsonNode top = row[name]!;
            JsonNode element = row["a_" + name]![0]!;
            if (name == "big")
            {
                // The same double; the top level writes 1E+300 and DuckDB's JSON 1e300, both JSON for it.
                Assert.Equal(top.GetValue<double>(), element.GetValue<double>());
                continue;
            }
            Assert.True(top.ToJsonString() == element.ToJsonString(), $"{name}: top level {top.ToJsonString()}, in an array {element.ToJsonString()}");
        }
        Assert.Equal("0xdeadbeef", row["a_bin"]![0]!.GetValue<string>());
        // The literal's six digits, at the top level and inside the array(timestamp(6)) (decision 248).
        Assert.Equal("2021-06-07 13:21:10.123456 UTC", row["a_ts"]![0]!.GetValue<string>());
        Assert.Equal("+20000-01-01", row["a_far"]![0]!.GetValue<string>());
        Assert.Equal("-0043-03-15", row["a_bc"]![0]!.GetValue<string>());
        Assert.Equal("NaN", row["a_nan"]![0]!.GetValue<string>());
        Assert.Equal("12.50", row["a_narrow"]![0]!.ToJsonString());
        Assert.Equal("3", row["a_s"]![0]!.ToJsonString());
        Assert.Contains("array(bigint)", types);
    }

    [Fact]
    public async Task Rows_without_field_names_are_json_arrays_and_map_keys_are_their_top_level_text()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT ROW(0x01, 1, 'x') AS r, map(ARRAY[1, 2], ARRAY[0x0a, NULL]) AS m, "
            + "map(ARRAY[TIMESTAMP '2021-06-07 13:21:10'], ARRAY[ARRAY[ROW(1, 0x02)]]) AS t, CAST(NULL AS ROW(a varbinary)) AS nothing, "
            + "ARRAY[CAST(NULL AS ROW(a varbinary)), CAST(ROW(NULL) AS ROW(a varbinary))] AS holes");
        Assert.Equal("""["0x01",1,"x"]""", row["r"]!.ToJsonString());
        Assert.Equal("""{"1":"0x0a","2":null}""", row["m"]!.ToJsonString());
        Assert.Equal("""{"2021-06-07 13:21:10.000 UTC":[[1,"0x02"]]}""", row["t"]!.ToJsonString());
        Assert.Null(row["nothing"]);
        Assert.Equal("""[null,{"a":null}]""", row["holes"]!.ToJsonString());
        Assert.Equal("row(varbinary, integer, varchar)", types[0]);
    }
}
