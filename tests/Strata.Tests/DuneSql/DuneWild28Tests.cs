using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 297 (docs/notes/dune-wild28.md), through the HTTP API. The answers are written from Trino's docs and
/// source: string.md's reverse reverses a varchar's code points (SliceUtf8.reverse), array.md's reverse an array's elements
/// whatever their type; Dune's toBase58 is to_base58 (base58.mdx: Bitcoin's alphabet); Trino's analyzer (visitExtract)
/// refuses HOUR, MINUTE, SECOND and a zone's offset from a date as "Cannot extract HOUR from date".
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild28Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    /// <summary>The UTF-8 bytes of the text with its code points in reverse order, as hex.</summary>
    private static string CodePointsReversedHex(string text)
    {
        var runes = text.EnumerateRunes().Reverse().ToArray();
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }
        return "0x" + Convert.ToHexString(Encoding.UTF8.GetBytes(builder.ToString())).ToLowerInvariant();
    }

    [Fact]
    public async Task Reverse_of_varchar_reverses_code_points_not_grapheme_clusters()
    {
        // e + combining acute, a line break, an emoji outside the BMP, a Hangul syllable written as jamo.
        string text = "e\u0301x\ny\U0001F600z\u1100\u1161";
        string sql = "SELECT to_utf8(reverse('e' || chr(769) || 'x' || chr(10) || 'y' || chr(128512) || 'z' || chr(4352) || chr(4449))) AS r, "
            + "length(reverse('e' || chr(769))) AS n, reverse('') AS empty, reverse(CAST(NULL AS varchar)) IS NULL AS null_text, reverse('abc') AS plain";
        var rows = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(["r,n,empty,null_text,plain", CodePointsReversedHex(text) + ",2,\"\",true,cba"], rows);
    }

    [Fact]
    public async Task Reverse_of_arrays_of_json_zoned_timestamps_and_nested_arrays_keeps_the_elements()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT json_format(reverse(ARRAY[JSON '1', JSON '{\"a\":[2,\"x,y\"]}'])[1]) AS j, cardinality(reverse(ARRAY[JSON '1', JSON '2'])) AS jn, "
            + "reverse(ARRAY[TIMESTAMP '2024-01-01 00:00:00 UTC', TIMESTAMP '2024-01-02 00:00:00 UTC'])[1] = TIMESTAMP '2024-01-02 00:00:00 UTC' AS z, "
            + "reverse(ARRAY[ARRAY[1, 2], ARRAY[3]])[1][1] AS nested, reverse(ARRAY['a,b', NULL, 'NULL'])[3] AS text_kept, "
            + "reverse(ARRAY[DOUBLE '1.5', 2.5])[1] AS d");
        Assert.Equal(["j,jn,z,nested,text_kept,d", "\"{\"\"a\"\":[2,\"\"x,y\"\"]}\",2,true,3,\"a,b\",2.5"], rows);
    }

    /// <summary>Bitcoin's base58 of the bytes (base58.mdx), written here from the alphabet: each leading zero byte a '1'.</summary>
    private static string Base58(byte[] bytes)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var builder = new StringBuilder();
        while (value > 0)
        {
            builder.Insert(0, alphabet[(int)(value % 58)]);
            value /= 58;
        }
        return new string('1', bytes.TakeWhile(b => b == 0).Count()) + builder;
    }

    [Fact]
    public async Task ToBase58_is_to_base58()
    {
        byte[] bytes = [0x00, 0x00, 0xff, 0x01, 0x7a];
        string hex = "0x" + Convert.ToHexString(bytes);
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT toBase58({hex}) AS a, TOBASE58(x) AS b, tobase58(from_base58(toBase58(x))) = to_base58(x) AS round_trip FROM (VALUES {hex}) AS t(x)");
        Assert.Equal(["a,b,round_trip", $"{Base58(bytes)},{Base58(bytes)},true"], rows);
    }

    [Theory]
    [InlineData("SELECT extract(hour FROM DATE '2024-01-01')", "Cannot extract HOUR from date")]
    [InlineData("SELECT EXTRACT(Minute FROM d) FROM (VALUES DATE '2024-01-01', DATE '2024-01-02') AS t(d)", "Cannot extract MINUTE from date")]
    [InlineData("SELECT extract(second FROM current_date)", "Cannot extract SECOND from date")]
    [InlineData("SELECT extract(timezone_hour FROM DATE '2024-01-01')", "Cannot extract TIMEZONE_HOUR from date")]
    public async Task Extract_of_a_clock_field_from_a_date_is_refused(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Extract_of_other_fields_and_types_still_answers()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT extract(hour FROM TIMESTAMP '2024-03-05 10:20:30') AS h, extract(minute FROM TIME '10:20:30') AS mi, "
            + "extract(year FROM DATE '2024-03-05') AS y, extract(day_of_week FROM DATE '2024-03-05') AS dow, "
            + "extract(timezone_hour FROM TIMESTAMP '2024-03-05 10:20:30 +05:00') AS tz, "
            + "extract(second FROM ts) AS s FROM (VALUES TIMESTAMP '2024-03-05 10:20:30') AS t(ts) GROUP BY extract(second FROM ts)");
        int dow = (int)new DateTime(2024, 3, 5).DayOfWeek; // ISO: Monday 1 … Sunday 7
        Assert.Equal(["h,mi,y,dow,tz,s", string.Create(CultureInfo.InvariantCulture, $"10,20,2024,{(dow == 0 ? 7 : dow)},5,30")], rows);
    }
}
