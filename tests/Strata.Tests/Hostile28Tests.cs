using System.Globalization;
using System.Numerics;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>hostile28 (docs/notes/hostile28.md): a pad past the per-value bound fails at once naming the function and the
/// bound (it was built for minutes up to the worker's memory limit).</summary>
public sealed class Hostile28PadTests
{
    private const long Bound = 16L << 20;

    [Theory]
    [InlineData("lpad('a', 16777217, 'b')", "lpad")]
    [InlineData("rpad('a', 20000000, 'b')", "rpad")]
    [InlineData("lpad(x'00', 16777217, x'01')", "lpad")]
    [InlineData("rpad(CAST(n AS varchar), n * 100, 'xy')", "rpad")]
    public void A_pad_past_the_value_bound_fails_naming_the_function_and_the_bound(string expression, string function)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT {expression} FROM (SELECT CAST(200000 AS bigint) AS n)"));
        Assert.Contains(function + ": the target length is past " + Bound.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lpad('a', 2000000000, 'b')", "lpad")]
    [InlineData("rpad(x'00', 2000000000, x'01')", "rpad")]
    [InlineData("rpad('a', 2147483647, 'é')", "rpad")]
    public void A_constant_pad_past_the_bound_builds_nothing(string expression, string function)
    {
        // Under 64 MB the refusal comes before any of the value is built: DuckDB folds a constant branch before the CASE
        // chooses, so a check in front of a branch that pads to the asked length still built 2 GB (out of memory here).
        using var db = new DuneSqlDb();
        db.Exec("SET memory_limit = '64MB'; SET temp_directory = '';");
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT length({expression})"));
        Assert.Contains(function + ": the target length is past " + Bound.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trinos_range_check_comes_first()
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT lpad('a', 2147483648, 'b')"));
        Assert.Contains("Target length must be in the range [0..2147483647]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pad_to_exactly_the_bound_is_built()
    {
        using var db = new DuneSqlDb();
        Assert.Equal(
            [Bound.ToString(CultureInfo.InvariantCulture), "bbba", Bound.ToString(CultureInfo.InvariantCulture), "0102"],
            db.Rows("SELECT length(lpad('a', 16777216, 'b')), substr(lpad('a', 16777216, 'b'), 16777213), "
                + "length(rpad(x'00', 16777216, x'01')), to_hex(substr(rpad(x'00', 16777216, x'0102'), 2, 2))")[0]);
    }
}

/// <summary>hostile28: a result-view filter with an integer literal beyond 128 bits compares as the numbers compare against
/// every column (it was DuckDB's "Conversion Error" for a bigint or decimal column); an execution id of 5,000 characters is
/// echoed as a short prefix.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile28ViewTests(InProcessSharedServer shared)
{
    private static readonly string Huge = BigInteger.Pow(10, 40).ToString(CultureInfo.InvariantCulture);

    private InProcessServer Server => shared.Server;

    public static TheoryData<string, int[]> Cases()
    {
        int[] all = Enumerable.Range(0, 10).ToArray();
        // Every id, amount (decimal) and big (uint256) value of the rows is far below 10^40, so each comparison's
        // answer follows from the numbers alone.
        return new()
        {
            { $"id < {Huge}", all },
            { $"id = {Huge}", [] },
            { $"id > -{Huge}", all },
            { $"id >= {Huge}", [] },
            { $"{Huge} > id", all },
            { $"id IN ({Huge}, 5)", [5] },
            { $"id BETWEEN -{Huge} AND {Huge}", all },
            { $"amount < {Huge}", all },
            { $"amount <> -{Huge}", all },
            { $"big < {Huge}", all },
            { $"big = {Huge}", [] },
            { $"ratio < {Huge} AND id < 3", [0, 1, 2] },
            // A text column compares with the literal's digits (one row holds them; the others are no number).
            { $"s = {Huge}", [7] },
            { $"s IN ({Huge})", [7] },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_integer_beyond_128_bits_compares_as_the_numbers_compare(string filter, int[] expected)
    {
        string id = await Server.Alice.SubmitAsync(
            "select range as id, CAST(range AS decimal(10,1)) * 1.5 as amount, CAST(range AS uint256) * uint256 '1000000000000000000000' as big, "
            + "range / 3.0e0 as ratio, CASE WHEN range = 7 THEN '" + Huge + "' ELSE 'x' || CAST(range AS varchar) END AS s from range(10)");
        Assert.Equal("QUERY_STATE_COMPLETED", (await Server.Alice.WaitAsync(id))["state"]!.GetValue<string>());
        var (code, body, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?limit=100&filters={Uri.EscapeDataString(filter)}");
        Assert.True(code == HttpStatusCode.OK, $"{code} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected, body!["result"]!["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_pad_to_two_billion_fails_on_the_server_in_seconds_not_minutes()
    {
        // On the attack server the check alone still ran 3 min 47 s before its error: the server's statement folds the
        // constant pad branch (to the asked length) before the CASE chooses. Now the branch stops at the bound: 0.06 s.
        string id = await Server.Alice.SubmitAsync("select length(lpad('a', 2000000000, 'b'))");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("lpad: the target length is past 16777216", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var ran = DateTimeOffset.Parse(status["execution_ended_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(status["execution_started_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(ran < TimeSpan.FromSeconds(60), ran.ToString());
    }

    [Theory]
    [InlineData("/api/v1/execution/{0}/status")]
    [InlineData("/api/v1/execution/{0}/results")]
    [InlineData("/api/v1/query/{0}")]
    public async Task A_long_id_is_echoed_as_a_short_prefix(string route)
    {
        string id = new string('A', 4000) + "Z" + new string('B', 999);
        var (code, body, response) = await Server.Alice.GetJsonAsync(string.Format(CultureInfo.InvariantCulture, route, id));
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, code);
        string error = body!["error"]!.GetValue<string>();
        Assert.Contains(new string('A', 64) + "... (5000 characters)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AZB", error, StringComparison.Ordinal);
        Assert.True(text.Length < 400, text.Length.ToString(CultureInfo.InvariantCulture));
    }
}
