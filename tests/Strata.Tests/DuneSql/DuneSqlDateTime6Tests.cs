namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 260 (dune-datetime6). <c>CAST(x AS varchar)</c> of a column a CTE or subquery typed timestamp(p)
/// writes p digits as a direct cast does (trinodb/trino DateTimes.formatTimestamp: exactly p digits, none and no point for
/// 0; Dune's datatypes.mdx: <c>TIMESTAMP '2020-06-10 15:55:23.383345'</c> as timestamp(1) is <c>…23.4</c>);
/// <c>CAST(x AS varchar(n))</c> cuts a varchar to n and refuses any other value whose text is longer than n (Trino's
/// DateOperators and number casts: "Value … cannot be represented as varchar(n)"), a timestamp's text with its p digits;
/// parse_datetime reads Joda's <c>k</c> with <c>a</c> as Joda's parser does (the halfday is read and set before the clock
/// hour, which then sets the hour of the day: checked with a model of DateTimeParserBucket's field order in Java 17).
/// </summary>
public sealed class DuneSqlDateTime6Tests
{
    private const string Six = "CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(6))";

    [Theory]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT CAST(x AS varchar) FROM t", "2020-06-10 15:55:23.383345")]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT CAST(t.x AS varchar) FROM t", "2020-06-10 15:55:23.383345")]
    [InlineData($"WITH t (y) AS (SELECT {Six}) SELECT TRY_CAST(y AS varchar) FROM t", "2020-06-10 15:55:23.383345")]
    [InlineData("SELECT CAST(s.x AS varchar) FROM (SELECT CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(1)) AS x) s", "2020-06-10 15:55:23.4")]
    [InlineData("SELECT CAST(x AS varchar) FROM (SELECT CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(0)) AS x)", "2020-06-10 15:55:23")]
    [InlineData("WITH t AS (SELECT CAST(TIMESTAMP '2020-06-10 15:55:23.123456789' AS timestamp(9)) AS x) SELECT CAST(x AS varchar) FROM t", "2020-06-10 15:55:23.123456789")]
    [InlineData("WITH t AS (SELECT TIMESTAMP '2020-06-10 15:55:23.383345 UTC' AS x) SELECT CAST(x AS varchar) FROM t", "2020-06-10 15:55:23.383345 UTC")]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT CAST(x + INTERVAL '1' DAY AS varchar) FROM t", "2020-06-11 15:55:23.383345")]
    // A CTE read inside a FROM subquery, and a WHERE clause's cast in the same scope.
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT v FROM (SELECT CAST(x AS varchar) AS v FROM t)", "2020-06-10 15:55:23.383345")]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT CAST(x AS varchar) FROM t WHERE CAST(x AS varchar) = '2020-06-10 15:55:23.383345'", "2020-06-10 15:55:23.383345")]
    public void A_column_typed_timestamp_p_by_a_cte_or_subquery_is_written_with_p_digits(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>A name the scan cannot place keeps the plain cast: a lambda's parameter and a scalar subquery's column are
    /// not the CTE's timestamp(6) column of the same name (a timestamp's template over an integer would not bind).</summary>
    [Theory]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT element_at(transform(ARRAY[7], x -> CAST(x AS varchar)), 1) FROM t", "7")]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT (SELECT CAST(x AS varchar) FROM (SELECT 7 AS x)) FROM t", "7")]
    [InlineData($"WITH t AS (SELECT {Six} AS x) SELECT CAST(x AS varchar) FROM t WHERE EXISTS (SELECT CAST(x AS varchar) FROM (SELECT 7 AS x))", "2020-06-10 15:55:23.383345")]
    public void A_name_of_another_scope_keeps_its_own_type(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>Trino's CAST to varchar(n): a varchar is cut to its first n characters; another type's text must fit in
    /// n. A timestamp(6)'s text is 26 characters, a timestamp(0)'s 19, a date's 10.</summary>
    [Theory]
    [InlineData($"CAST({Six} AS varchar(26))", "2020-06-10 15:55:23.383345")]
    [InlineData($"CAST({Six} AS varchar(40))", "2020-06-10 15:55:23.383345")]
    [InlineData("CAST(CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(0)) AS varchar(19))", "2020-06-10 15:55:23")]
    [InlineData("CAST(TIMESTAMP '2020-06-10 15:55:23.383345 UTC' AS varchar(30))", "2020-06-10 15:55:23.383345 UTC")]
    [InlineData("CAST(DATE '2020-06-10' AS varchar(10))", "2020-06-10")]
    [InlineData("CAST('2020-06-10 15:55:23.383345' AS varchar(10))", "2020-06-10")]
    [InlineData($"TRY_CAST({Six} AS varchar(25)) IS NULL", "true")]
    public void A_cast_to_varchar_n_keeps_trinos_text(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + expression));
    }

    [Theory]
    [InlineData($"CAST({Six} AS varchar(25))", "Value 2020-06-10 15:55:23.383345 cannot be represented as varchar(25)")]
    [InlineData("CAST(CAST(TIMESTAMP '2020-06-10 15:55:23' AS timestamp(0)) AS varchar(18))", "Value 2020-06-10 15:55:23 cannot be represented as varchar(18)")]
    [InlineData("CAST(DATE '2020-06-10' AS varchar(9))", "Value 2020-06-10 cannot be represented as varchar(9)")]
    public void A_cast_to_varchar_n_of_a_longer_temporal_text_is_refused(string expression, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT " + expression));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cte_column_cast_to_varchar_n_is_checked_with_its_p_digits()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("2020-06-10 15:55:23.4", db.Scalar(
            "WITH t AS (SELECT CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(1)) AS x) SELECT CAST(x AS varchar(21)) FROM t"));
    }

    /// <summary>Joda's k with a: the text's AM or PM is read (it must be one) and sets nothing, the hour is k's (24 is hour 0
    /// of the same day). java.time refuses "1 PM" as a conflict; Joda's bucket does not cross-check.</summary>
    [Theory]
    [InlineData("2024-03-05 13:30 PM", "2024-03-05 13:30:00.000 UTC")]
    [InlineData("2024-03-05 01:30 PM", "2024-03-05 01:30:00.000 UTC")]
    [InlineData("2024-03-05 12:30 AM", "2024-03-05 12:30:00.000 UTC")]
    [InlineData("2024-03-05 13:30 am", "2024-03-05 13:30:00.000 UTC")]
    [InlineData("2024-03-05 24:30 PM", "2024-03-05 00:30:00.000 UTC")]
    [InlineData("2024-03-05 24:30 AM", "2024-03-05 00:30:00.000 UTC")]
    public void Parse_datetime_reads_k_with_a_as_joda_does(string text, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST(parse_datetime('{text}', 'yyyy-MM-dd kk:mm a') AS varchar)"));
    }

    [Theory]
    [InlineData("2024-03-05 00:30 AM", "Value 0 for clockhourOfDay must be in the range [1,24]")]
    [InlineData("2024-03-05 13:30 XM", "2024-03-05 13:30 XM")]
    public void Parse_datetime_refuses_k_with_a_outside_its_range_or_words(string text, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows($"SELECT parse_datetime('{text}', 'yyyy-MM-dd kk:mm a')"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Formatting, k and a print each its own field (java.time's DateTimeFormatter "k a" prints the same).</summary>
    [Theory]
    [InlineData("TIMESTAMP '2024-03-05 00:30:00'", "24 AM")]
    [InlineData("TIMESTAMP '2024-03-05 01:30:00'", "1 AM")]
    [InlineData("TIMESTAMP '2024-03-05 12:30:00'", "12 PM")]
    [InlineData("TIMESTAMP '2024-03-05 13:30:00'", "13 PM")]
    public void Format_datetime_writes_k_with_a(string value, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime({value}, 'k a')"));
    }
}
