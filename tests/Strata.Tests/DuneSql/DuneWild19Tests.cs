using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild19" (docs/notes/dune-wild19.md): a subtraction whose operand is a cast to a type other than
/// <c>date</c> is surely no date difference (Trino types a cast by its target), so it is written as DuckDB's <c>-</c>
/// without the date probe, which wrote each operand four times. sablier-labs' 208 KB "Unified: Unique User Count" query
/// subtracts <c>cast(json_extract_scalar(range, '$.start') AS DOUBLE)</c> from its siblings in every branch, and each
/// probe copied the JSON and cast templates of both operands: 3.2 MB of translated SQL, a 20-second timeout in the probe.
/// </summary>
public sealed class DuneWild19Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("SELECT cast(json_extract_scalar(r, '$.cliff') AS DOUBLE) - cast(json_extract_scalar(r, '$.start') AS DOUBLE) FROM (VALUES ('{\"cliff\": \"30\", \"start\": \"10\"}')) t(r)")]
    [InlineData("SELECT try_cast(a AS bigint) - try_cast(b AS bigint) FROM (VALUES ('5', '2')) t(a, b)")]
    [InlineData("SELECT cast(a AS decimal(10, 2)) - b FROM (VALUES ('5', 2)) t(a, b)")]
    [InlineData("SELECT a - CAST(b AS timestamp(3) with time zone) FROM (VALUES (timestamp '2024-01-02 00:00:00 UTC', '2024-01-01 00:00:00 UTC')) t(a, b)")]
    public void A_cast_to_a_type_other_than_date_is_subtracted_without_the_date_probe(string sql) =>
        Assert.DoesNotContain("'DATE'", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT cast(json_extract_scalar(r, '$.cliff') AS DOUBLE) - cast(json_extract_scalar(r, '$.start') AS DOUBLE) FROM (VALUES ('{\"cliff\": \"30\", \"start\": \"10\"}')) t(r)", "20")]
    [InlineData("SELECT typeof(cast(a AS double) - cast(b AS double)) FROM (VALUES ('5', '2')) t(a, b)", "double")]
    [InlineData("SELECT try_cast(a AS bigint) - try_cast(b AS bigint) FROM (VALUES ('5', '2')) t(a, b)", "3")]
    [InlineData("SELECT CAST(cast(a AS decimal(10, 2)) - cast(b AS decimal(10, 2)) AS varchar) FROM (VALUES ('5.25', '2')) t(a, b)", "3.25")]
    [InlineData("SELECT to_milliseconds(a - CAST(b AS timestamp(3) with time zone)) FROM (VALUES (timestamp '2024-01-02 00:00:00 UTC', '2024-01-01 00:00:00 UTC')) t(a, b)", "86400000")]
    // A cast to date is still a date: date - date is Trino's interval day to second, with or without a probe.
    [InlineData("SELECT typeof(cast(a AS date) - d) FROM (VALUES ('2024-03-01', date '2024-02-01')) t(a, d)", "interval day to second")]
    [InlineData("SELECT to_milliseconds(d - try_cast(a AS date)) FROM (VALUES ('2024-02-01', date '2024-03-01')) t(a, d)", "2505600000")]
    // A column whose type only the binder knows keeps the probe: a date column minus a date column is an interval.
    [InlineData("SELECT typeof(d - e) FROM (VALUES (date '2024-03-01', date '2024-02-01')) t(d, e)", "interval day to second")]
    [InlineData("SELECT typeof(cast(a AS \"date\") - cast(b AS \"DATE\")) FROM (VALUES ('2024-03-01', '2024-02-01')) t(a, b)", "interval day to second")]
    public void The_difference_keeps_trinos_type_and_value(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void The_sablier_shape_translates_to_a_few_times_its_size_not_fifteen()
    {
        // One branch of the sablier query's CASE, repeated as its 24 inlined branches repeat it.
        string branch = """
            CASE WHEN cast(json_extract_scalar(range, '$.cliff') AS DOUBLE) - cast(json_extract_scalar(range, '$.start') AS DOUBLE) = 0
                 THEN 'linear' ELSE 'linear-cliff' END AS shape,
            cast(json_extract_scalar(range, '$.end') AS DOUBLE) - cast(json_extract_scalar(range, '$.start') AS DOUBLE) AS duration
            """;
        string sql = "SELECT " + string.Join(",\n", Enumerable.Range(0, 24).Select(i => branch.Replace("AS shape", $"AS shape{i}").Replace("AS duration", $"AS duration{i}")))
            + " FROM (VALUES ('{\"cliff\": 3, \"start\": 1, \"end\": 9}')) t(range)";
        string translated = DuneSqlTranslator.Translate(sql).Sql;
        // Each cast of a JSON value is ~330 characters of template; the probe wrote each of them four times more.
        Assert.True(translated.Length < 6 * sql.Length, $"{sql.Length} -> {translated.Length} characters");
        Assert.Equal("linear-cliff", db.Scalar(sql));
        Assert.Equal("8", db.Scalar("SELECT duration23 FROM (" + sql + ")"));
    }
}
