using DuckDB.NET.Data;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's <c>sequence</c> (array.md; SequenceFunction, decision "dune-types6"): integers give array(bigint) with any step,
/// dates stepped by a day-to-second or year-to-month interval give array(date), timestamps array(timestamp); element i is
/// start plus i steps (a month step from January 31st gives each month's last day); a zero step, a step walking away from
/// stop and a date stepped by part of a day fail with Trino's messages, and so does a sequence of more than 10,000 elements.
/// </summary>
public sealed class DuneSqlSequenceTests
{
    [Theory]
    [InlineData("SELECT sequence(1, 10, 3)", "[1, 4, 7, 10]", "BIGINT[]")]
    [InlineData("SELECT sequence(CAST(1 AS integer), CAST(7 AS smallint), CAST(3 AS tinyint))", "[1, 4, 7]", "BIGINT[]")]
    [InlineData("SELECT sequence(10, 1, -4)", "[10, 6, 2]", "BIGINT[]")]
    [InlineData("SELECT sequence(-5, 5, 3)", "[-5, -2, 1, 4]", "BIGINT[]")]
    [InlineData("SELECT sequence(a, b, c) FROM (VALUES (CAST(2 AS bigint), CAST(2 AS bigint), CAST(-7 AS bigint))) AS t(a, b, c)", "[2]", "BIGINT[]")]
    [InlineData("SELECT sequence(DATE '2024-01-01', DATE '2024-01-10', interval '3' day)", "[01/01/2024, 01/04/2024, 01/07/2024, 01/10/2024]", "DATE[]")]
    [InlineData("SELECT sequence(DATE '2024-01-31', DATE '2024-05-01', interval '1' month)", "[01/31/2024, 02/29/2024, 03/31/2024, 04/30/2024]", "DATE[]")]
    [InlineData("SELECT sequence(DATE '2024-03-01', DATE '2024-01-01', interval '-1' month)", "[03/01/2024, 02/01/2024, 01/01/2024]", "DATE[]")]
    [InlineData("SELECT sequence(TIMESTAMP '2020-10-10 00:00:00', TIMESTAMP '2020-10-15 00:00:00', interval '36' hour)",
        "[2020-10-10 00:00:00, 2020-10-11 12:00:00, 2020-10-13 00:00:00, 2020-10-14 12:00:00]", "TIMESTAMP[]")]
    [InlineData("SELECT sequence(TIMESTAMP '2024-01-31 10:00:00', TIMESTAMP '2024-03-31 09:00:00', interval '1' month)",
        "[2024-01-31 10:00:00, 2024-02-29 10:00:00]", "TIMESTAMP[]")]
    [InlineData("SELECT sequence(1, 5, NULL) IS NULL", "true", "BOOLEAN")]
    [InlineData("SELECT cardinality(sequence(0, 9999))", "10000", "BIGINT")]
    [InlineData("SELECT cardinality(sequence(1, 100000, 10))", "10000", "BIGINT")]
    [InlineData("SELECT sequence(1, 3) || 4", "[1, 2, 3, 4]", "BIGINT[]")]
    public void Sequences_have_Trinos_elements_and_types(string sql, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT sequence(1, 5, 0)", "step must not be zero")]
    [InlineData("SELECT sequence(5, 1, 1)", "sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start")]
    [InlineData("SELECT sequence(DATE '2024-01-05', DATE '2024-01-01', interval '1' day)", "sequence stop value should be greater than or equal to start value")]
    [InlineData("SELECT sequence(DATE '2024-01-01', DATE '2024-01-05', interval '12' hour)", "sequence step must be a day interval if start and end values are dates")]
    [InlineData("SELECT sequence(1, 10001)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(1, 100001, 10)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(0, 3000000000)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(DATE '2000-01-01', DATE '2030-01-01')", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', interval '1' minute)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT n FROM unnest(sequence(1, 20000)) AS t(n)", "result of sequence function must not have more than 10000 entries")]
    public void Sequences_fail_as_Trinos(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_of_aggregates_in_a_grouped_query_binds()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT k, sequence(min(x), max(x), 2) FROM (VALUES (1, 1), (1, 6), (2, 3)) AS t(k, x) GROUP BY k ORDER BY k");
        Assert.Equal([["1", "[1, 3, 5]"], ["2", "[3]"]], rows);
    }
}
