namespace Strata.Tests;

/// <summary>Contract section 7: exact numbers, bytes, timestamps, nested values, NULL; CSV per RFC 4180.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ValueEncodingTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string AllTypes = """
        select
          CAST('170141183460469231731687303715884105727' AS int256) as i128,
          '340282366920938463463374607431768211455'::uhugeint as u128,
          '115792089237316195423570985008687907853269984665640564039457584007913129639935'::bignum as u256,
          12345678901234567890123456789.123456789::decimal(38,9) as wide_dec,
          12.50::decimal(10,2) as narrow_dec,
          '\xAB\x01\xff'::blob as bytes,
          timestamp '2021-06-07 13:21:10.123456' as ts,
          timestamptz '2021-06-07 13:21:10+00' as tstz,
          date '2021-06-01' as d,
          [1, 2, 3] as arr,
          {'a': 1, 'b': 'x'} as obj,
          map {'k': 1} as m,
          0.1::double as dbl,
          1e300::double as big_dbl,
          1.1::float as flt,
          true as flag,
          9223372036854775807 as max_bigint,
          null::varchar as nothing
        """;

    [Fact]
    public async Task Json_values_follow_the_contract()
    {
        var body = await Server.Alice.RunAsync(AllTypes);
        var row = body["result"]!["rows"]![0]!;
        var types = body["result"]!["metadata"]!["column_types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        // DuneSQL has no 128-bit type; int256 is its own type; DuckDB's uhugeint and bare BIGNUM are named uint256
        // (docs/notes/dunesql-types.md).
        Assert.Equal(["int256", "uint256", "uint256", "decimal(38,9)", "decimal(10,2)", "varbinary", "timestamp(6)", "timestamp(3) with time zone", "date", "array(integer)", "row(a integer, b varchar)", "map(varchar, integer)", "double", "double", "real", "boolean", "bigint", "varchar"], types);
        Assert.Equal("170141183460469231731687303715884105727", row["i128"]!.GetValue<string>());
        Assert.Equal("340282366920938463463374607431768211455", row["u128"]!.GetValue<string>());
        Assert.Equal("115792089237316195423570985008687907853269984665640564039457584007913129639935", row["u256"]!.GetValue<string>());
        Assert.Equal("12345678901234567890123456789.123456789", row["wide_dec"]!.GetValue<string>());
        Assert.Equal("12.50", row["narrow_dec"]!.ToJsonString());
        Assert.Equal("0xab01ff", row["bytes"]!.GetValue<string>());
        // The literal's six digits: Trino's timestamp(6) (decision 248).
        Assert.Equal("2021-06-07 13:21:10.123456 UTC", row["ts"]!.GetValue<string>());
        Assert.Equal("2021-06-07 13:21:10.000 UTC", row["tstz"]!.GetValue<string>());
        Assert.Equal("2021-06-01", row["d"]!.GetValue<string>());
        Assert.Equal("[1,2,3]", row["arr"]!.ToJsonString());
        Assert.Equal("{\"a\":1,\"b\":\"x\"}", row["obj"]!.ToJsonString());
        Assert.Equal("{\"k\":1}", row["m"]!.ToJsonString());
        Assert.Equal("0.1", row["dbl"]!.ToJsonString());
        Assert.Equal(1e300, row["big_dbl"]!.GetValue<double>());
        Assert.Equal("1.1", row["flt"]!.ToJsonString());
        Assert.True(row["flag"]!.GetValue<bool>());
        Assert.Equal(long.MaxValue, row["max_bigint"]!.GetValue<long>());
        Assert.True(row.AsObject().ContainsKey("nothing"));
        Assert.Null(row["nothing"]);
    }

    [Fact]
    public async Task Csv_values_match_json_text()
    {
        string id = await Server.Alice.SubmitAsync(AllTypes);
        await Server.Alice.WaitAsync(id);
        string csv = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        var lines = csv.Split('\n');
        Assert.Equal("i128,u128,u256,wide_dec,narrow_dec,bytes,ts,tstz,d,arr,obj,m,dbl,big_dbl,flt,flag,max_bigint,nothing", lines[0]);
        Assert.Equal(
            "170141183460469231731687303715884105727,340282366920938463463374607431768211455,115792089237316195423570985008687907853269984665640564039457584007913129639935,"
            + "12345678901234567890123456789.123456789,12.50,0xab01ff,2021-06-07 13:21:10.123456 UTC,2021-06-07 13:21:10.000 UTC,2021-06-01,"
            + "\"[1,2,3]\",\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\",\"{\"\"k\"\":1}\",0.1,1E+300,1.1,true,9223372036854775807,",
            lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Csv_quoting_round_trips_awkward_text()
    {
        string[] values = ["plain", "with,comma", "with \"quotes\"", "multi\nline", "crlf\r\nline", "ünïcødé ✓ 日本", "", " padded "];
        string sql = "select * from (values " + string.Join(", ", values.Select((v, i) => $"({i}, '{v.Replace("'", "''")}')")) + ") t(i, s) order by i";
        string id = await Server.Alice.SubmitAsync(sql);
        await Server.Alice.WaitAsync(id);
        string csv = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        var parsed = ParseCsv(csv);
        Assert.Equal(["i", "s"], parsed[0]);
        Assert.Equal(values, parsed.Skip(1).Select(r => r[1]));
        Assert.EndsWith("\n", csv);

        var json = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(values, json["result"]!["rows"]!.AsArray().Select(r => r!["s"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Csv_null_is_an_empty_field_and_empty_string_is_quoted()
    {
        string id = await Server.Alice.SubmitAsync("select null::varchar as a, '' as b, null::bigint as c");
        await Server.Alice.WaitAsync(id);
        string csv = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal("a,b,c\n,\"\",\n", csv);
    }

    /// <summary>A strict RFC 4180 reader, independent of the server's writer.</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.False(quoted, "unterminated quoted field");
        Assert.Empty(row);
        return rows;
    }
}
