using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 330: the review of 322-328. A varbinary lpad/rpad is a varbinary (Trino's VarbinaryFunctions have
/// <c>lpad(varbinary, bigint, varbinary)</c>), so comparing it with a varbinary is not refused. Decision 324's rewrite of a
/// zone-per-row USING column reads a bare name after an expression's FROM (<c>extract(hour FROM x)</c>), leaves a lambda's
/// parameter, an output alias after ORDER BY and a typed literal's type word alone, as Trino resolves each before the join's
/// column. And a JSON path's evaluation is bounded: repeated subscripts and keyvalue()'s copies.
/// </summary>
public sealed class LeadReview52Tests
{
    // a: l1 is the instant 05:45:05.123Z in +05:30, l2 05:00Z (no match); b: r1 the same instant as l1 in UTC.
    private const string Sides = "WITH a AS (SELECT from_iso8601_timestamp(s) AS x, p FROM (VALUES ('2020-05-11T11:15:05.123+05:30', 'l1'), "
        + "('2020-05-11T06:00:00.000+01:00', 'l2')) v(s, p)), "
        + "b AS (SELECT from_iso8601_timestamp(s) AS x, q FROM (VALUES ('2020-05-11T05:45:05.123Z', 'r1'), ('2020-05-12T00:00:00.000Z', 'r2')) v(s, q)) ";

    [Theory]
    [InlineData("SELECT lpad(0x01, 4, 0x00) = 0x00000001", "true")]
    [InlineData("SELECT rpad(0x01, 3, 0x02) IN (0x010202, 0x01)", "true")]
    [InlineData("SELECT 0x0000000a = lpad(from_hex('0a'), 4, 0x00)", "true")]
    public void A_varbinary_pad_compares_with_a_varbinary(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_using_column_after_an_expressions_from_is_the_joins_column()
    {
        using var db = new DuneSqlDb();
        // The left's value for an inner join: 11:15 in +05:30, so the hour is 11 (Trino's extract reads the value's zone).
        Assert.Equal([["11", "l1", "r1"]], db.Rows(Sides + "SELECT extract(hour FROM x), p, q FROM a JOIN b USING (x)"));
        Assert.Equal([["l1"]], db.Rows(Sides + "SELECT p FROM a JOIN b USING (x) WHERE x IS NOT DISTINCT FROM x"));
    }

    [Fact]
    public void A_lambda_parameter_named_as_the_using_column_is_the_parameter()
    {
        using var db = new DuneSqlDb();
        Assert.Equal([["10,20", "l1"]], db.Rows(Sides + "SELECT array_join(transform(ARRAY[1, 2], x -> x * 10), ','), p FROM a JOIN b USING (x)"));
        Assert.Equal([["6", "l1"]], db.Rows(Sides + "SELECT reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s), p FROM a JOIN b USING (x)"));
    }

    [Fact]
    public void Order_by_an_output_alias_named_as_the_using_column_sorts_by_the_alias()
    {
        using var db = new DuneSqlDb();
        // Trino's ORDER BY reads the output alias first: -epoch sorts l1 (05:45Z, the later instant) first, where the
        // column would sort l2 (05:00Z) first.
        Assert.Equal([["l1"], ["l2"]], db.Rows(Sides + "SELECT p, -to_unixtime(x) AS x FROM a LEFT JOIN b USING (x) ORDER BY x").Select(r => new[] { r[0] }).ToList());
    }

    [Fact]
    public void A_typed_literal_of_the_using_columns_name_stays_a_literal()
    {
        using var db = new DuneSqlDb();
        string sides = Sides.Replace(" AS x,", " AS \"timestamp\",", StringComparison.Ordinal);
        Assert.Equal([["l1", "true"]], db.Rows(sides + "SELECT p, TIMESTAMP '2020-01-01 00:00:00 UTC' < \"timestamp\" FROM a JOIN b USING (\"timestamp\")"));
    }

    [Fact]
    public void Repeated_subscripts_and_keyvalue_copies_are_bounded()
    {
        // 10^8 references of one object: refused past 16,777,216 items instead of holding 800 MB of references.
        string zeros = "[" + string.Join(",", Enumerable.Repeat("0", 10)) + "]";
        string path = "lax $" + string.Concat(Enumerable.Repeat(zeros, 8));
        Assert.Equal($"XJSON path: one evaluation would build more than {DuneJsonPath.MaxItems} items (a repeated subscript counts each time), the most Strata builds; an ON ERROR clause does not apply",
            ExpectBound(() => DuneJsonFunctions.Answer("[1]", path, "exists")));
        // A 100,001-node member copied by keyvalue() for each of 100 repeats: refused past 1,048,576 + twice the input's nodes.
        string wide = "{\"a\": [" + string.Join(",", Enumerable.Repeat("0", 100_000)) + "]}";
        string repeat = "lax $" + zeros + zeros + ".keyvalue()";
        Assert.Contains("keyvalue() copies of more than 1248580 JSON values", ExpectBound(() => DuneJsonFunctions.Answer(wide, repeat, "exists")), StringComparison.Ordinal);
        // One read of each member fits (its copies are the input's nodes).
        Assert.Equal("Vtrue", DuneJsonFunctions.Answer(wide, "lax $.keyvalue()", "exists"));
    }

    private static string ExpectBound(Func<string> answer)
    {
        var e = Assert.Throws<JsonPathBoundException>(() => answer());
        return "X" + e.Message;
    }
}
