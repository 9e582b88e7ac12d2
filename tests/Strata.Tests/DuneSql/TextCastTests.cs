namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's casts from varchar (VarcharOperators, decision 341 lead): an integer type is Java's parseInt/parseLong of the
/// trimmed text, a double or real Java's parseDouble/parseFloat of it, a boolean one of t, f, 1, 0, true, false in any case.
/// DuckDB's casts read '12.5' as 13, '1e3' as 1000, '1_000' as 1000, '0x10' as 16, 'yes' as true and 'inf' as infinity, and
/// refuse Java's '1d'. Each expected value is what Java's parser gives (or its NumberFormatException: Trino's "Cannot cast").
/// Each case is asked of a literal (its type known to the translator) and of a column whose type only DuckDB knows.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class TextCastTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    /// <summary>The same cast of a literal and of a subquery's column (typed by DuckDB only), as one CSV line.</summary>
    private async Task<string> BothAsync(string text, string cast, string type)
    {
        string literal = "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT {cast}({literal} AS {type}) AS a, {cast}(x AS {type}) AS b FROM (SELECT {literal} AS x) AS s");
        return rows[1];
    }

    [Theory]
    [InlineData("12", "INTEGER", "12")]
    [InlineData(" 12 ", "BIGINT", "12")]
    [InlineData("+5", "INTEGER", "5")]
    [InlineData("-7", "SMALLINT", "-7")]
    [InlineData("12.5", "INTEGER", "")]
    [InlineData("12.0", "BIGINT", "")]
    [InlineData("1e3", "BIGINT", "")]
    [InlineData("1_000", "INTEGER", "")]
    [InlineData("0x10", "INTEGER", "")]
    [InlineData("", "INTEGER", "")]
    [InlineData("- 1", "INTEGER", "")]
    [InlineData("2147483648", "INTEGER", "")]
    [InlineData("2147483648", "BIGINT", "2147483648")]
    [InlineData("128", "TINYINT", "")]
    [InlineData("-128", "TINYINT", "-128")]
    [InlineData("12", "INT", "12")]
    public async Task Try_cast_of_text_to_an_integer_is_javas_parse(string text, string type, string expected)
    {
        Assert.Equal(expected + "," + expected, await BothAsync(text, "TRY_CAST", type));
    }

    [Theory]
    [InlineData("12.5", "INTEGER", "Cannot cast '12.5' to INT")]
    [InlineData("1e3", "BIGINT", "Cannot cast '1e3' to BIGINT")]
    [InlineData("1_000", "SMALLINT", "Cannot cast '1_000' to SMALLINT")]
    [InlineData("yes", "BOOLEAN", "Cannot cast 'yes' to BOOLEAN")]
    [InlineData(" true", "BOOLEAN", "Cannot cast ' true' to BOOLEAN")]
    [InlineData("inf", "REAL", "Cannot cast 'inf' to REAL")]
    [InlineData("1_0", "REAL", "Cannot cast '1_0' to REAL")]
    public async Task Cast_of_text_Java_does_not_parse_is_refused_in_Trinos_words(string text, string type, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT CAST('{text}' AS {type})"));
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT CAST(x AS {type}) FROM (SELECT '{text}' AS x) AS s"));
    }

    [Theory]
    [InlineData("1d", "x = 1e0")]
    [InlineData("2.5f", "x = 2.5e0")]
    [InlineData(" -.5e1D ", "x = -5e0")]
    [InlineData("1.", "x = 1e0")]
    [InlineData("NaN", "is_nan(x)")]
    [InlineData("-Infinity", "x = -infinity()")]
    [InlineData("nan", "x IS NULL")]
    [InlineData("inf", "x IS NULL")]
    [InlineData("Infinityd", "x IS NULL")]
    [InlineData("1_0", "x IS NULL")]
    [InlineData("0x10", "x IS NULL")]
    public async Task Try_cast_of_text_to_a_real_is_javas_parse(string text, string check)
    {
        // REAL only: a cast to double keeps DuckDB's parse (decision 346).
        foreach (string type in new[] { "REAL" })
        {
            var rows = await Server.Alice.RunCsvAsync(
                $"SELECT {check.Replace("x", "TRY_CAST('" + text + "' AS " + type + ")", StringComparison.Ordinal)} AS a, "
                + $"{check.Replace("x", "TRY_CAST(x AS " + type + ")", StringComparison.Ordinal)} AS b FROM (SELECT '{text}' AS x) AS s");
            Assert.Equal("true,true", rows[1]);
        }
    }

    [Theory]
    [InlineData("t", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("1", "true")]
    [InlineData("F", "false")]
    [InlineData("0", "false")]
    [InlineData("False", "false")]
    [InlineData("yes", "")]
    [InlineData("n", "")]
    [InlineData("on", "")]
    [InlineData(" t", "")]
    public async Task Try_cast_of_text_to_a_boolean_reads_six_words(string text, string expected)
    {
        Assert.Equal(expected + "," + expected, await BothAsync(text, "TRY_CAST", "BOOLEAN"));
    }

    [Fact]
    public async Task A_null_text_casts_to_null_and_try_catches_the_refusal()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT CAST(CAST(NULL AS VARCHAR) AS INTEGER) AS i, CAST(CAST(NULL AS VARCHAR) AS DOUBLE) AS d, "
            + "CAST(CAST(NULL AS VARCHAR) AS BOOLEAN) AS b, TRY(CAST('1.5' AS INTEGER)) AS t, TRY(CAST(x AS BIGINT)) AS u, "
            + "TRY(CAST(x AS REAL)) AS v FROM (SELECT 'inf' AS x) AS s");
        Assert.Equal(",,,,,", rows[1]);
    }

    [Fact]
    public async Task Cast_to_int_rounds_a_double_as_cast_to_integer_does()
    {
        // INT is Trino's name for INTEGER: DoubleOperators rounds half away from zero (2.5 → 3), DuckDB's cast half to even.
        var rows = await Server.Alice.RunCsvAsync("SELECT CAST(2.5e0 AS INT) AS a, CAST(x AS INT) AS b FROM (SELECT -2.5e0 AS x) AS s");
        Assert.Equal("3,-3", rows[1]);
    }

    [Fact]
    public async Task Text_inside_another_cast_is_parsed_once_per_row()
    {
        // An operand holding a cast goes through a lambda (written once): the same rule applies.
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT TRY_CAST(CAST(v AS VARCHAR) AS BIGINT) AS a FROM (VALUES ('7'), ('7.5')) AS t(v) ORDER BY a NULLS FIRST");
        Assert.Equal(["a", "", "7"], rows);
    }
}
