using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 291 (docs/notes/dune-wild27.md), through the HTTP API. The answers are written from Trino's functions
/// and docs: DateTimeFunctions.diffDate takes a DATE field (day, week, month, quarter, year) and refuses another unit in its
/// words, time's date_diff a TIME field (millisecond to hour), a timestamp's every unit from millisecond to year; reverse
/// (string.md, binary.md, array.md) reverses a varchar's characters, a varbinary's bytes and an array's elements; a field of
/// a call's row value can be subscripted like any other array; math.md's and bitwise.md's functions have no signature that
/// takes a varchar.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild27Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT date_diff('hour', DATE '2024-01-01', DATE '2024-01-02')", "'hour' is not a valid DATE field")]
    [InlineData("SELECT date_diff('Millisecond', DATE '2024-01-01', DATE '2024-01-02')", "'millisecond' is not a valid DATE field")]
    [InlineData("SELECT date_diff('day', TIME '10:00:00', TIME '12:00:00')", "'day' is not a valid Time field")]
    [InlineData("SELECT date_diff('microsecond', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00')", "'microsecond' is not a valid Timestamp field")]
    [InlineData("SELECT date_diff('days', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00')", "'days' is not a valid Timestamp field")]
    [InlineData("SELECT date_diff(u, DATE '2024-01-01', DATE '2024-01-03') FROM (VALUES 'day', 'hour') AS t(u)", "'hour' is not a valid DATE field")]
    public async Task Date_diff_refuses_a_unit_its_operands_type_does_not_take(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Date_diff_of_dates_by_their_units_and_of_mixed_or_time_operands_still_answers()
    {
        DateTime a = new(2024, 1, 1), b = new(2024, 3, 1);
        int days = (b - a).Days;
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT date_diff('day', DATE '2024-01-01', DATE '2024-03-01') AS d, date_diff('WEEK', DATE '2024-01-01', DATE '2024-03-01') AS w, "
            + "date_diff('month', DATE '2024-01-01', DATE '2024-03-01') AS m, date_diff('year', DATE '2024-01-01', DATE '2024-03-01') AS y, "
            + "date_diff('hour', DATE '2024-01-01', TIMESTAMP '2024-01-02 06:00:00') AS h, "
            + "date_diff('minute', TIME '10:00:00', TIME '12:30:00') AS mi, "
            + "date_diff('hour', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 05:59:59') AS th");
        Assert.Equal(["d,w,m,y,h,mi,th", string.Create(CultureInfo.InvariantCulture, $"{days},{days / 7},2,0,30,150,5")], rows);
    }

    [Fact]
    public async Task Date_diff_under_an_order_by_expression_of_its_alias_still_answers()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT date_diff('day', a, b) AS d FROM (VALUES (DATE '2024-01-01', DATE '2024-01-05'), (DATE '2024-01-01', DATE '2024-01-02')) AS t(a, b) ORDER BY d + 0");
        Assert.Equal(["d", "1", "4"], rows);
    }

    [Fact]
    public async Task Reverse_of_varbinary_reverses_its_bytes()
    {
        // Every byte value, the ones DuckDB escapes in text among them (0x00, 0x27, 0x5C, 0x80..0xFF).
        byte[] bytes = Enumerable.Range(0, 256).Select(i => (byte)(i * 37 % 256)).ToArray();
        string literal = "0x" + Convert.ToHexString(bytes), reversed = "0x" + Convert.ToHexString(bytes.Reverse().ToArray());
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT reverse({literal}) = {reversed} AS same, length(reverse({literal})) AS n, reverse(0x0102ab) = 0xab0201 AS small, "
            + "reverse(0x01) || 0x02 = 0x0102 AS still_varbinary, reverse(CAST(NULL AS varbinary)) IS NULL AS null_bytes");
        Assert.Equal(["same,n,small,still_varbinary,null_bytes", "true,256,true,true,true"], rows);
    }

    [Fact]
    public async Task Reverse_of_a_varbinary_column_and_of_text_and_arrays()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT reverse(b) = r AS same, reverse('abc') AS t FROM (VALUES (0x0a0b0c, 0x0c0b0a), (0x, 0x)) AS v(b, r)");
        Assert.Equal(["same,t", "true,cba", "true,cba"], rows);
        var arrays = await Server.Alice.RunCsvAsync(
            "SELECT reverse(ARRAY[1, 2, 3]) = ARRAY[3, 2, 1] AS ints, cardinality(r) AS n, r[1] = 'NULL' AND r[2] IS NULL AND r[3] = 'it''s' AND r[4] = 'a,b' AS texts, "
            + "reverse(ARRAY[ARRAY[1, 2], ARRAY[3]]) = ARRAY[ARRAY[3], ARRAY[1, 2]] AS nested FROM (SELECT reverse(ARRAY['a,b', 'it''s', NULL, 'NULL']) AS r)");
        Assert.Equal(["ints,n,texts,nested", "true,4,true,true"], arrays);
    }

    [Fact]
    public async Task Reverse_of_a_number_has_no_signature()
    {
        Assert.Equal("Unexpected parameters (integer) for function reverse", await Server.Alice.RunToFailureAsync("SELECT reverse(x) FROM (VALUES 5) AS t(x)"));
    }

    [Theory]
    [InlineData("SELECT element_at(ARRAY[CAST(ROW(ARRAY[10, 20, 30]) AS ROW(f array(integer)))], 1).f[2] AS v", "20")]
    [InlineData("SELECT (CAST(ROW(ARRAY[10, 20]) AS ROW(f array(integer)))).f[1] AS v", "10")]
    [InlineData("SELECT a[1].f[2] AS v FROM (SELECT ARRAY[CAST(ROW(ARRAY[10, 20]) AS ROW(f array(integer)))] AS a)", "20")]
    [InlineData("SELECT element_at(MAP(ARRAY['k'], ARRAY[CAST(ROW(ARRAY[1, 2]) AS ROW(f array(integer)))]), 'k').f[2] AS v", "2")]
    public async Task A_field_of_a_calls_row_is_subscripted(string sql, string expected)
    {
        Assert.Equal(["v", expected], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task A_field_of_a_calls_row_keeps_the_arrays_bounds()
    {
        Assert.Equal("Array subscript must be less than or equal to array length: 5 > 3", await Server.Alice.RunToFailureAsync(
            "SELECT element_at(ARRAY[CAST(ROW(ARRAY[10, 20, 30]) AS ROW(f array(integer)))], 1).f[5]"));
    }

    [Theory]
    [InlineData("SELECT mod('4', 3)", "Unexpected parameters (varchar(1), integer) for function mod")]
    [InlineData("SELECT truncate(4.55, '1')", "Unexpected parameters (decimal(3,2), varchar(1)) for function truncate")]
    [InlineData("SELECT abs('4')", "Unexpected parameters (varchar(1)) for function abs")]
    [InlineData("SELECT round('4.5')", "Unexpected parameters (varchar(3)) for function round")]
    [InlineData("SELECT bitwise_and('1', 2)", "Unexpected parameters (varchar(1), integer) for function bitwise_and. Expected: bitwise_and(bigint, bigint)")]
    [InlineData("SELECT from_base('10', '2')", "Unexpected parameters (varchar(2), varchar(1)) for function from_base. Expected: from_base(varchar, bigint)")]
    public async Task A_number_function_refuses_a_string_literal(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Number_functions_of_numbers_still_answer()
    {
        // truncate(decimal(p,s), n) keeps decimal(p,s) (MathFunctions' signature): 4.567 truncated to 2 places is 4.560.
        Assert.Equal(["m,t,a,b,f,tb", "1,4.560,4,8,255,ff"], await Server.Alice.RunCsvAsync(
            "SELECT mod(7, 3) AS m, truncate(4.567, 2) AS t, abs(-4) AS a, bitwise_and(12, 10) AS b, from_base('ff', 16) AS f, to_base(255, 16) AS tb"));
    }
}
