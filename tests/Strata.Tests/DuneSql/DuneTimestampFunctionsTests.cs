using System.Net;
using Strata.Core.Results.Querying;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-time6: functions over a <c>timestamp(9)</c> keep timestamp(9) where Trino's do (datetime.md: <c>date_trunc</c> and
/// <c>date_add</c> "same as input", <c>x ± interval</c> of the operand's type; greatest/least/coalesce and min/max/arbitrary
/// of their operands' common type), every digit kept; a timestamp(9) compares exactly with a timestamp(3). A timestamp(3)
/// keeps its own type.
/// </summary>
public sealed class DuneTimestampFunctionsTests : IDisposable
{
    private const string Ts9 = "TIMESTAMP '2024-05-15 13:42:07.123456789'";

    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("millisecond", "2024-05-15 13:42:07.123000000")]
    [InlineData("second", "2024-05-15 13:42:07.000000000")]
    [InlineData("minute", "2024-05-15 13:42:00.000000000")]
    [InlineData("hour", "2024-05-15 13:00:00.000000000")]
    [InlineData("day", "2024-05-15 00:00:00.000000000")]
    [InlineData("week", "2024-05-13 00:00:00.000000000")]
    [InlineData("month", "2024-05-01 00:00:00.000000000")]
    [InlineData("quarter", "2024-04-01 00:00:00.000000000")]
    [InlineData("YEAR", "2024-01-01 00:00:00.000000000")]
    public void Date_trunc_of_a_timestamp9_keeps_its_type_for_every_unit(string unit, string expected)
    {
        Assert.Equal("timestamp(9)", db.Scalar($"SELECT typeof(date_trunc('{unit}', {Ts9}))"));
        Assert.Equal(expected, db.Scalar($"SELECT CAST(date_trunc('{unit}', {Ts9}) AS varchar)"));
        // A unit per row (not a constant) takes the same units.
        Assert.Equal(expected, db.Scalar($"SELECT CAST(date_trunc(u, t) AS varchar) FROM (VALUES ('{unit}', {Ts9})) x(u, t)"));
    }

    [Theory]
    // Before the epoch and before 2000 (the buckets' origin): truncation is downwards.
    [InlineData("SELECT CAST(date_trunc('day', TIMESTAMP '1969-12-31 23:59:59.999999999') AS varchar)", "1969-12-31 00:00:00.000000000")]
    [InlineData("SELECT CAST(date_trunc('second', TIMESTAMP '1969-12-31 23:59:59.000000001') AS varchar)", "1969-12-31 23:59:59.000000000")]
    [InlineData("SELECT CAST(date_trunc('quarter', TIMESTAMP '1999-02-28 10:00:00.000000001') AS varchar)", "1999-01-01 00:00:00.000000000")]
    [InlineData("SELECT CAST(date_trunc('week', TIMESTAMP '1999-12-31 10:00:00.000000001') AS varchar)", "1999-12-27 00:00:00.000000000")]
    [InlineData("SELECT CAST(date_trunc('month', t) AS varchar) FROM (VALUES (TIMESTAMP '1970-01-31 00:00:00.000000001')) x(t)", "1970-01-01 00:00:00.000000000")]
    // A timestamp(3) keeps its type.
    [InlineData("SELECT typeof(date_trunc('hour', TIMESTAMP '2024-05-15 13:42:07.123'))", "timestamp(3)")]
    [InlineData("SELECT typeof(date_trunc(u, TIMESTAMP '2024-05-15 13:42:07.123')) FROM (VALUES 'hour') x(u)", "timestamp(3)")]
    [InlineData("SELECT date_trunc('hour', CAST(NULL AS timestamp(9))) IS NULL", "true")]
    public void Date_trunc_of_a_timestamp9_truncates_downwards(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Date_trunc_with_a_unit_trino_does_not_know_fails_with_its_message()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT date_trunc(u, {Ts9}) FROM (VALUES 'fortnight') x(u)"));
        Assert.Contains("'fortnight' is not a valid Timestamp field", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"{Ts9} + interval '1' second", "2024-05-15 13:42:08.123456789")]
    [InlineData($"{Ts9} - interval '1' day", "2024-05-14 13:42:07.123456789")]
    [InlineData($"{Ts9} + interval '1' month", "2024-06-15 13:42:07.123456789")]
    [InlineData($"{Ts9} - interval '0.001' second", "2024-05-15 13:42:07.122456789")]
    [InlineData($"date_add('second', 1, {Ts9})", "2024-05-15 13:42:08.123456789")]
    [InlineData($"date_add('millisecond', -1, {Ts9})", "2024-05-15 13:42:07.122456789")]
    [InlineData($"date_add('year', 1, {Ts9})", "2025-05-15 13:42:07.123456789")]
    [InlineData($"greatest({Ts9}, TIMESTAMP '2024-05-15 13:42:07.123')", "2024-05-15 13:42:07.123456789")]
    [InlineData($"least({Ts9}, TIMESTAMP '2024-05-15 13:42:07.124')", "2024-05-15 13:42:07.123456789")]
    [InlineData($"least({Ts9}, TIMESTAMP '2024-05-15 13:42:07.123')", "2024-05-15 13:42:07.123000000")]
    [InlineData($"coalesce(NULL, {Ts9})", "2024-05-15 13:42:07.123456789")]
    [InlineData($"coalesce(CAST(NULL AS timestamp(9)), TIMESTAMP '2024-05-15 13:42:07.123')", "2024-05-15 13:42:07.123000000")]
    public void Arithmetic_and_choices_over_a_timestamp9_keep_it(string expression, string expected)
    {
        Assert.Equal("timestamp(9)", db.Scalar($"SELECT typeof({expression})"));
        Assert.Equal(expected, db.Scalar($"SELECT CAST({expression} AS varchar)"));
    }

    [Theory]
    [InlineData("max")]
    [InlineData("min")]
    [InlineData("arbitrary")]
    [InlineData("any_value")]
    public void Aggregates_of_a_timestamp9_keep_it(string aggregate)
    {
        const string rows = "(VALUES (TIMESTAMP '2024-01-01 00:00:00.000000001'), (TIMESTAMP '2024-01-01 00:00:00.000000002')) x(t)";
        Assert.Equal("timestamp(9)", db.Scalar($"SELECT typeof({aggregate}(t)) FROM {rows}"));
        string value = db.Scalar($"SELECT CAST({aggregate}(t) AS varchar) FROM {rows}");
        Assert.Equal(aggregate switch { "max" => "2024-01-01 00:00:00.000000002", "min" => "2024-01-01 00:00:00.000000001", _ => value }, value);
        Assert.StartsWith("2024-01-01 00:00:00.00000000", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123000001' > TIMESTAMP '2024-01-01 00:00:00.123'", "true")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123000001' = TIMESTAMP '2024-01-01 00:00:00.123'", "false")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123000000' = TIMESTAMP '2024-01-01 00:00:00.123'", "true")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.122999999' < TIMESTAMP '2024-01-01 00:00:00.123'", "true")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123' BETWEEN TIMESTAMP '2024-01-01 00:00:00.122999999' AND TIMESTAMP '2024-01-01 00:00:00.123000001'", "true")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123' IN (TIMESTAMP '2024-01-01 00:00:00.123000001')", "false")]
    public void A_timestamp9_compares_exactly_with_a_timestamp3(string comparison, string expected) =>
        Assert.Equal(expected, db.Scalar($"SELECT {comparison}"));

    [Theory]
    [InlineData("v = TIMESTAMP '2024-01-01 00:00:00.123456789'", "(\"v\" = TIMESTAMP_NS '2024-01-01 00:00:00.123456789')")]
    [InlineData("v = TIMESTAMP '2024-01-01 00:00:00.1234567'", "(\"v\" = TIMESTAMP_NS '2024-01-01 00:00:00.123456700')")]
    [InlineData("v = TIMESTAMP '2024-01-01T01:00:00.000000001+01:00'", "(\"v\" = TIMESTAMP_NS '2024-01-01 00:00:00.000000001')")]
    // Only digits past the microsecond make it a nanosecond literal.
    [InlineData("v = TIMESTAMP '2024-01-01 00:00:00.123456000'", "(\"v\" = TIMESTAMP '2024-01-01 00:00:00.123456')")]
    [InlineData("v = TIMESTAMP '2300-01-01 00:00:00.000000000'", "(\"v\" = TIMESTAMP '2300-01-01 00:00:00')")]
    public void A_filter_timestamp_literal_takes_nine_digits(string filter, string sql) =>
        Assert.Equal(sql, FilterParser.Parse(filter, ["v"])!.ToSql(SqlQuoting.QuoteIdentifier));

    // The property test's seed a3miYzLzt8Q4 (CI of stop 41): the SQL written for a nanosecond literal must read back as the same tree.
    [Theory]
    [InlineData("v = TIMESTAMP '2024-01-01 00:00:00.123456789'")]
    [InlineData("v = timEsTAmp\t'1777-06-26 04:34:52.2021994'")]
    public void A_filter_nanosecond_literal_reads_back_from_its_own_sql(string filter)
    {
        var parsed = FilterParser.Parse(filter, ["v"]);
        var sql = parsed!.ToSql(SqlQuoting.QuoteIdentifier);
        Assert.Contains("TIMESTAMP_NS '", sql, StringComparison.Ordinal);
        Assert.Equal(parsed, FilterParser.Parse(sql, ["v"]));
    }

    [Theory]
    [InlineData("v = TIMESTAMP '2024-01-01 00:00:00.1234567891'", "invalid TIMESTAMP value")]
    [InlineData("v = TIMESTAMP '2300-01-01 00:00:00.000000001'", "TIMESTAMP value out of range")]
    [InlineData("v = TIMESTAMP '1677-09-21 00:12:43.145224192'", "TIMESTAMP value out of range")]
    public void A_filter_timestamp_literal_beyond_nanoseconds_is_refused_by_name(string filter, string message)
    {
        var e = Assert.Throws<FilterException>(() => FilterParser.Parse(filter, ["v"]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}

/// <summary>dune-time6 through the server: the functions' columns typed <c>timestamp(9)</c> with nine digits, and a result
/// view filtered by a literal naming one nanosecond.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneTimestampFunctionsHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Functions_over_a_timestamp9_give_timestamp9_columns_with_nine_digits()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc('hour', t) AS h, t + interval '1' second AS plus, t - interval '1' day AS minus, date_add('second', 1, t) AS added, "
            + "greatest(t, TIMESTAMP '2024-05-15 13:42:07.123') AS g, coalesce(NULL, t) AS c, max(t) AS m, arbitrary(t) AS a, "
            + "date_trunc('hour', TIMESTAMP '2024-05-15 13:42:07.123') AS h3 "
            + "FROM (VALUES (TIMESTAMP '2024-05-15 13:42:07.123456789')) x(t) GROUP BY t");
        Assert.Equal(["timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(9)", "timestamp(3)"], types);
        Assert.Equal(["2024-05-15 13:00:00.000000000 UTC", "2024-05-15 13:42:08.123456789 UTC", "2024-05-14 13:42:07.123456789 UTC",
            "2024-05-15 13:42:08.123456789 UTC", "2024-05-15 13:42:07.123456789 UTC", "2024-05-15 13:42:07.123456789 UTC",
            "2024-05-15 13:42:07.123456789 UTC", "2024-05-15 13:42:07.123456789 UTC", "2024-05-15 13:00:00.000 UTC"],
            new[] { "h", "plus", "minus", "added", "g", "c", "m", "a", "h3" }.Select(c => row[c]!.GetValue<string>()));
        Assert.Equal("2024-05-15 13:00:00.000000000 UTC", ValueEncodingTests.ParseCsv(string.Join("\n", csv) + "\n")[1][0]);
    }

    [Fact]
    public async Task A_view_filter_names_one_nanosecond()
    {
        string id = await Server.Alice.SubmitAsync("SELECT CAST(t AS timestamp(9)) AS v, CAST(t AS timestamp(3)) AS ms FROM (VALUES "
            + "(TIMESTAMP '2024-01-01 00:00:00.000000100'), (TIMESTAMP '2024-01-01 00:00:00.000000200'), (TIMESTAMP '2024-01-01 00:00:00.000000300')) AS x(t)");
        await Server.Alice.WaitAsync(id);
        async Task<string[]> Rows(string filter)
        {
            var view = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?sort_by=v&filters={Uri.EscapeDataString(filter)}");
            return view["result"]!["rows"]!.AsArray().Select(r => r!["v"]!.GetValue<string>()).ToArray();
        }
        Assert.Equal(["2024-01-01 00:00:00.000000200 UTC"], await Rows("v = TIMESTAMP '2024-01-01 00:00:00.000000200'"));
        Assert.Equal(["2024-01-01 00:00:00.000000200 UTC", "2024-01-01 00:00:00.000000300 UTC"], await Rows("v > TIMESTAMP '2024-01-01 00:00:00.000000100 UTC'"));
        Assert.Equal(["2024-01-01 00:00:00.000000100 UTC"], await Rows("v IN (TIMESTAMP '2024-01-01 00:00:00.0000001', TIMESTAMP '2024-01-01 00:00:00.000000150')"));
        Assert.Equal(["2024-01-01 00:00:00.000000300 UTC"], await Rows("v BETWEEN TIMESTAMP '2024-01-01 00:00:00.000000201' AND TIMESTAMP '2024-01-01 00:00:00.000000300'"));
        Assert.Equal(["2024-01-01 00:00:00.000000300 UTC"], await Rows("v = '2024-01-01 00:00:00.000000300'"));
        // Against the microsecond column the nanoseconds compare exactly too: every row is 00:00:00 there.
        Assert.Empty(await Rows("ms = TIMESTAMP '2024-01-01 00:00:00.000000001'"));
        Assert.Equal(3, (await Rows("ms < TIMESTAMP '2024-01-01 00:00:00.000000001'")).Length);

        using var bad = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results?filters={Uri.EscapeDataString("v = TIMESTAMP '2024-01-01 00:00:00.0000002001'")}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("invalid TIMESTAMP value", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
