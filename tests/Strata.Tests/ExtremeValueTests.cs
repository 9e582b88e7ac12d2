using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Strata.Core.Results;

namespace Strata.Tests;

/// <summary>
/// Issue 9 item 9: every value the engine can store renders in JSON and CSV, or the execution fails;
/// a results body never carries an error spliced in after its 200.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ExtremeValueTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("select 'infinity'::date as v", "infinity")]
    [InlineData("select '-infinity'::date as v", "-infinity")]
    [InlineData("select '20000-01-01'::timestamp as v", "+20000-01-01 00:00:00.000 UTC")]
    [InlineData("select '20000-01-01'::date as v", "+20000-01-01")]
    [InlineData("select make_timestamp(-9223372036854775806) as v", "-290308-12-21 19:59:05.224 UTC")]
    [InlineData("select 'infinity'::timestamp as v", "infinity")]
    [InlineData("select '-infinity'::timestamptz as v", "-infinity")]
    [InlineData("select '0044-03-15 (BC)'::date as v", "-0043-03-15")]
    [InlineData("select '1969-12-31 23:59:59.999'::timestamp as v", "1969-12-31 23:59:59.999 UTC")]
    [InlineData("select '294247-01-10 04:00:54.775806'::timestamp as v", "+294247-01-10 04:00:54.775 UTC")]
    public async Task Out_of_range_dates_and_timestamps_render_in_json_and_csv(string sql, string expected)
    {
        string id = await Server.Alice.SubmitAsync(sql);
        await Server.Alice.WaitAsync(id);
        var (status, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body!["result"]!["rows"]![0]!["v"]!.GetValue<string>());
        string csv = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal($"v\n{expected}\n", csv);
    }

    [Fact]
    public async Task Every_type_of_test_all_types_renders_in_json_and_csv()
    {
        // Without DuckDB's HUGEINT and BIGNUM extremes, which no DuneSQL type holds (bigint sums and
        // uint256/int256: they fail with an overflow error, see HostileInputTests and docs/notes/uint256-exact.md).
        string id = await Server.Alice.SubmitAsync("select * exclude (hugeint, bignum) from test_all_types()");
        var state = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED", state["state"]!.GetValue<string>());
        using var response = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var rows = body["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal("-5877641-06-25", rows[0]!["date"]!.GetValue<string>());
        Assert.Equal("+5881580-07-10", rows[1]!["date"]!.GetValue<string>());
        Assert.Equal("-290308-12-22 00:00:00.000 UTC", rows[0]!["timestamp"]!.GetValue<string>());
        Assert.Equal("+294247-01-10 04:00:54.775 UTC", rows[1]!["timestamp"]!.GetValue<string>());
        Assert.Equal("340282366920938463463374607431768211455", rows[1]!["uhugeint"]!.GetValue<string>());
        Assert.Equal("[\"1970-01-01\",\"infinity\",\"-infinity\",null,\"2022-05-12\"]", rows[1]!["date_array"]!.ToJsonString());
        Assert.All(rows[2]!.AsObject(), p => Assert.Null(p.Value));
        using var csvResponse = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        string csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("error", csv, StringComparison.Ordinal);
        Assert.EndsWith("\n" + new string(',', rows[2]!.AsObject().Count - 1) + "\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_finite_doubles_are_json_strings_and_csv_words()
    {
        string id = await Server.Alice.SubmitAsync("select 'nan'::double as a, 'inf'::double as b, '-inf'::float as c, [1.5, 'nan'::double, '-inf'::double] as l, {'NaN': 'NaN'::double} as s");
        await Server.Alice.WaitAsync(id);
        var (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        Assert.Equal("{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\",\"l\":[1.5,\"NaN\",\"-Infinity\"],\"s\":{\"NaN\":\"NaN\"}}", body!["result"]!["rows"]![0]!.ToJsonString());
        Assert.Equal("a,b,c,l,s\nNaN,Infinity,-Infinity,\"[1.5,\"\"NaN\"\",\"\"-Infinity\"\"]\",\"{\"\"NaN\"\":\"\"NaN\"\"}\"\n", await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv"));
    }

    [Fact]
    public void Timestamps_in_the_datetime_range_render_as_datetime_does()
    {
        var random = new Random(9);
        Span<byte> span = stackalloc byte[TemporalFormat.MaxLength];
        for (int i = 0; i < 100_000; i++)
        {
            long ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            long micros = (ticks - DateTime.UnixEpoch.Ticks) / 10;
            var at = DateTime.UnixEpoch.AddTicks(micros * 10);
            string expected = at.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
            int n = TemporalFormat.WriteTimestamp(span, micros);
            Assert.Equal(expected, Encoding.ASCII.GetString(span[..n]));
            int days = (int)Math.Floor(micros / 86_400_000_000.0);
            n = TemporalFormat.WriteDate(span, days);
            Assert.Equal(DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(span[..n]));
        }
    }

    [Fact]
    public void The_extremes_of_the_stored_range_render()
    {
        Span<byte> span = stackalloc byte[TemporalFormat.MaxLength];
        Assert.Equal("-290308-12-21 19:59:05.224 UTC", Encoding.ASCII.GetString(span[..TemporalFormat.WriteTimestamp(span, long.MinValue)]));
        Assert.Equal("infinity", Encoding.ASCII.GetString(span[..TemporalFormat.WriteTimestamp(span, long.MaxValue)]));
        Assert.Equal("-infinity", Encoding.ASCII.GetString(span[..TemporalFormat.WriteTimestamp(span, -long.MaxValue)]));
        Assert.Equal("+294247-01-10 04:00:54.775 UTC", Encoding.ASCII.GetString(span[..TemporalFormat.WriteTimestamp(span, long.MaxValue - 1)]));
        Assert.Equal("-5877641-06-23", Encoding.ASCII.GetString(span[..TemporalFormat.WriteDate(span, int.MinValue)]));
        Assert.Equal("0000-03-01", Encoding.ASCII.GetString(span[..TemporalFormat.WriteDate(span, -719_468)]));
    }
}
