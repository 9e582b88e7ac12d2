using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 348 (dune-types23): a varchar cast to double, real or an integer type goes through the native
/// <see cref="DuneJavaNumbers"/> before DuckDB's cast, so that the text is read as Trino's VarcharOperators read it (Java's
/// Double.parseDouble, Long.parseLong of the text trimmed as Java trims) in one call: the double cast of a JSON text stays
/// short, a volatile operand is evaluated once, and another script's digits read as Java's Character.digit reads them.
/// Expected values are Java's parse results. Each case is asked of a literal and of a column only DuckDB types.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneTypes23Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("1d", "x = 1e0")]
    [InlineData("2.5f", "x = 2.5e0")]
    [InlineData(" -.5e1D ", "x = -5e0")]
    [InlineData("+1e3", "x = 1e3")]
    [InlineData(" 1 ", "x = 1e0")]
    [InlineData("1.", "x = 1e0")]
    [InlineData("1e400", "x = infinity()")]
    [InlineData("NaN", "is_nan(x)")]
    [InlineData("-Infinity", "x = -infinity()")]
    [InlineData("nan", "x IS NULL")]
    [InlineData("inf", "x IS NULL")]
    [InlineData("Infinityd", "x IS NULL")]
    [InlineData("1_0", "x IS NULL")]
    [InlineData("0x10", "x IS NULL")]
    [InlineData("1e", "x IS NULL")]
    [InlineData(".", "x IS NULL")]
    [InlineData("1dd", "x IS NULL")]
    [InlineData("١", "x IS NULL")]
    public async Task Try_cast_of_text_to_double_is_javas_parse(string text, string check)
    {
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT {check.Replace("x", "TRY_CAST('" + text + "' AS DOUBLE)", StringComparison.Ordinal)} AS a, "
            + $"{check.Replace("x", "TRY_CAST(x AS DOUBLE)", StringComparison.Ordinal)} AS b FROM (SELECT '{text}' AS x) AS s");
        Assert.Equal("true,true", rows[1]);
    }

    [Theory]
    [InlineData("inf", "Cannot cast 'inf' to DOUBLE")]
    [InlineData("1_0", "Cannot cast '1_0' to DOUBLE")]
    [InlineData("12 5", "Cannot cast '12 5' to DOUBLE")]
    public async Task Cast_of_text_Java_does_not_parse_to_double_is_refused_in_Trinos_words(string text, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT CAST('{text}' AS DOUBLE)"));
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT CAST(json_extract_scalar(j, '$.v') AS DOUBLE) FROM (SELECT '{{\"v\": \"{text}\"}}' AS j) AS s"));
    }

    [Fact]
    public async Task A_json_texts_double_renders_in_json_and_csv()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST(json_extract_scalar(j, '$.a') AS DOUBLE) AS a, CAST(json_extract_scalar(j, '$.b') AS DOUBLE) AS b FROM (SELECT '{\"a\": \"2.5d\", \"b\": 7}' AS j) AS s");
        Assert.Equal(["double", "double"], types);
        Assert.Equal(2.5, (double)row["a"]!);
        Assert.Equal(7.0, (double)row["b"]!);
        Assert.Equal("2.5,7", csv[1]);
    }

    [Theory]
    [InlineData("٣٤", "INTEGER", "34")] // Arabic-Indic digits
    [InlineData("-۱۲", "BIGINT", "-12")] // Extended Arabic-Indic
    [InlineData("+１２", "SMALLINT", "12")] // fullwidth
    [InlineData(" ०७ ", "TINYINT", "7")] // Devanagari, trimmed
    [InlineData("٣.٤", "INTEGER", "")]
    [InlineData("²", "INTEGER", "")] // a superscript is no decimal digit
    [InlineData("1٣x", "INTEGER", "")]
    public async Task Another_scripts_digits_read_as_Javas_parse_reads_them(string text, string type, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync($"SELECT TRY_CAST('{text}' AS {type}) AS a, TRY_CAST(x AS {type}) AS b FROM (SELECT '{text}' AS x) AS s");
        Assert.Equal(expected + "," + expected, rows[1]);
    }

    [Fact]
    public async Task A_control_character_beside_the_digits_is_trimmed_as_Java_trims()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT CAST(chr(1) || '5' || chr(31) AS INTEGER) AS i, CAST(chr(2) || '2.5' AS DOUBLE) AS d, TRY_CAST(chr(1) || '2.5f' AS REAL) AS r");
        Assert.Equal("5,2.5,2.5", rows[1]);
    }

    [Fact]
    public async Task An_overflow_is_refused_with_the_text_as_written()
    {
        Assert.Equal("Cannot cast ' 2147483648' to INT", await Server.Alice.RunToFailureAsync("SELECT CAST(' 2147483648' AS INTEGER)"));
    }

    [Theory]
    [InlineData("INTEGER", "'2.5'", "v <> 1")]
    [InlineData("BIGINT", "'1_0'", "v <> 1")]
    [InlineData("DOUBLE", "'inf'", "v <> 1")]
    [InlineData("REAL", "'1_0'", "v <> 1")]
    public async Task A_volatile_operand_is_evaluated_once(string type, string refused, string wrong)
    {
        // Each row's text is '1' or a text Java refuses: TRY_CAST answers 1 or NULL. Written several times, the check could
        // read one draw and the cast another, and DuckDB's own parse of the refused text answered.
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT count_if({wrong}) AS wrong, count_if(v IS NULL) > 0 AS some_null FROM (SELECT TRY_CAST(IF(rand() < 0.5, '1', {refused}) AS {type}) AS v "
            + "FROM UNNEST(sequence(1, 4000)) AS t(i)) AS s");
        Assert.Equal("0,true", rows[1]);
    }

    [Fact]
    public async Task Sign_of_nan_is_nan_as_javas_signum()
    {
        // Trino's math.md: sign of a floating NaN is NaN; the other types keep their sign and type.
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT sign(nan()) AS a, sign(CAST(nan() AS real)) AS b, sign(-2.5e0) AS c, sign(DECIMAL '-2.50') AS d, sign(7) AS e, "
            + "sign(INT256 '-5') AS f, sign(infinity()) AS g");
        Assert.Equal("NaN", (string)row["a"]!);
        Assert.Equal(["double", "real", "double", "decimal(1,0)", "integer"], types[..5]);
        Assert.Equal("NaN,NaN,-1,-1,1,-1,1", csv[1]);
    }

    /// <summary>Dune's function pages' examples (dune-docs HEAD) that docs-examples.tsv did not hold, with the documented answers.</summary>
    [Theory]
    [InlineData("SELECT from_unixtime_nanos(100)", "1970-01-01 00:00:00.000000100 UTC", "timestamp(9) with time zone")]
    [InlineData("SELECT from_unixtime_nanos(DECIMAL '1234')", "1970-01-01 00:00:00.000001234 UTC", "timestamp(9) with time zone")]
    [InlineData("SELECT from_unixtime_nanos(DECIMAL '1234.499')", "1970-01-01 00:00:00.000001234 UTC", "timestamp(9) with time zone")]
    [InlineData("SELECT from_unixtime_nanos(DECIMAL '-1234')", "1969-12-31 23:59:59.999998766 UTC", "timestamp(9) with time zone")]
    [InlineData("SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789+01:00')", "2020-05-11 11:15:05.123456789 +01:00", "timestamp(9) with time zone")]
    [InlineData("SELECT 3 BETWEEN 2 AND 6", "true", "boolean")]
    [InlineData("SELECT 3 NOT BETWEEN 2 AND 6", "false", "boolean")]
    [InlineData("SELECT 'South_America' LIKE 'South\\_America' ESCAPE '\\'", "true", "boolean")]
    [InlineData("SELECT keccak(to_utf8('Transfer(address,address,uint256)'))", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", "varbinary")]
    [InlineData("SELECT 2 * UINT256 '1'", "2", "uint256")]
    [InlineData("SELECT INT256 '1' > 0", "true", "boolean")]
    [InlineData("SELECT cosine_distance(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0])", "0.01613008990009257", "double")]
    [InlineData("SELECT cosine_similarity(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0])", "0.9838699100999074", "double")]
    public async Task A_documented_example_gives_the_documented_answer(string sql, string expected, string type)
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal([type], types);
        Assert.Equal(expected, row["_col0"]!.ToString());
    }

    [Fact]
    public void The_cast_of_a_json_text_to_double_is_one_native_call()
    {
        string sql = "SELECT cast(json_extract_scalar(r, '$.start') AS DOUBLE) FROM (VALUES ('{\"start\": 1}')) t(r)";
        string translated = DuneSqlTranslator.Translate(sql).Sql;
        Assert.Equal(1, translated.Split(DuneJavaNumbers.Floating + "(").Length - 1);
        Assert.DoesNotContain("regexp_full_match", translated, StringComparison.Ordinal);
    }
}
