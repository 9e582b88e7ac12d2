using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision "dune-types16" (issue 10): a plain CAST to timestamp and to timestamp(p) with time zone rounded as Trino's
/// (Timestamps.roundDiv, half up), cosine_similarity/cosine_distance of arrays and maps (math.md, ArrayVectorFunctions,
/// MathFunctions), UNNEST of a map column as key and value columns, timestamp(9) outside DuckDB's nanosecond range named,
/// and a string with a zone cast to a timestamp with time zone keeping the zone. Expected values per case from Trino's
/// docs or source.
/// </summary>
public sealed class DuneSqlTypes16Tests
{
    [Theory]
    // types.md: "Casting to lower precision causes the value to be rounded"; plain timestamp is timestamp(3).
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1235' AS timestamp)", "2024-01-01 00:00:00.124")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1234' AS timestamp)", "2024-01-01 00:00:00.123")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456789' AS timestamp)", "2024-01-01 00:00:00.123")]
    // Carry into the next second, and half up towards the later instant before the epoch.
    [InlineData("SELECT CAST('2024-12-31 23:59:59.9995' AS timestamp)", "2025-01-01 00:00:00")]
    [InlineData("SELECT CAST('1969-12-31 23:59:59.9995' AS timestamp)", "1970-01-01 00:00:00")]
    // A timestamp(9) (a literal of nine digits) rounded from its nanoseconds: .1234995 rounds down, .1235 up.
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123499999' AS timestamp)", "2024-01-01 00:00:00.123")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123500000' AS timestamp)", "2024-01-01 00:00:00.124")]
    // A string column, and TRY_CAST (a bad string is NULL).
    [InlineData("SELECT CAST(s AS timestamp) FROM (VALUES '2024-01-01 00:00:00.0005') t(s)", "2024-01-01 00:00:00.001")]
    [InlineData("SELECT TRY_CAST(s AS timestamp) FROM (VALUES '2024-01-01 00:00:00.0015', 'abc') t(s)", "2024-01-01 00:00:00.002|NULL")]
    // A year outside timestamp(9)'s range, from its microseconds.
    [InlineData("SELECT CAST('1000-01-01 00:00:00.0005' AS timestamp)", "1000-01-01 00:00:00.001")]
    // timestamp(p) with time zone: the instant rounded to p digits (shown in UTC).
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1235 UTC' AS timestamp with time zone)", "2024-01-01 00:00:00.124")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1235 UTC' AS timestamp(3) with time zone)", "2024-01-01 00:00:00.124")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.5 UTC' AS timestamp(0) with time zone)", "2024-01-01 00:00:01")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(6) with time zone)", "2024-01-01 00:00:00.123457")]
    [InlineData("SELECT CAST(from_unixtime(1.5) AS timestamp(0) with time zone)", "1970-01-01 00:00:02")]
    [InlineData("SELECT CAST(from_unixtime(1.25) AS timestamp(1) with time zone)", "1970-01-01 00:00:01.3")]
    [InlineData("SELECT TRY_CAST(s AS timestamp(2) with time zone) FROM (VALUES '2024-01-01 00:00:00.125 UTC', 'abc') t(s)", "2024-01-01 00:00:00.13|NULL")]
    // A string with another zone: the same instant, rounded.
    [InlineData("SELECT CAST('2024-01-01 09:00:00.1235 Asia/Tokyo' AS timestamp with time zone)", "2024-01-01 00:00:00.124")]
    public void A_cast_to_a_timestamp_rounds_half_up(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1235' AS timestamp)", "timestamp(3)")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp)", "timestamp(3)")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1235 UTC' AS timestamp with time zone)", "timestamp(3) with time zone")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(6) with time zone)", "timestamp(3) with time zone")]
    [InlineData("SELECT cosine_similarity(ARRAY[1, 2], ARRAY[3, 4])", "double")]
    [InlineData("SELECT cosine_distance(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0]))", "double")]
    public void The_results_have_trinos_types(string sql, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(type, DuckDbTypes.DuneName(db.Types(sql)[0]));
    }

    [Fact]
    public void A_timestamp_column_cast_to_timestamp_keeps_its_value()
    {
        // The plain cast of a timestamp(3) (the common cast of Dune's columns) stays DuckDB's cast: no rounding template.
        string translated = Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.Translate("SELECT CAST(block_time AS timestamp) FROM t", default, null).Sql;
        // (dune-wild18: a time's branches, today's date at that time, join the string's and the timestamp(9)'s.)
        Assert.Contains("IN ('VARCHAR', 'TIMESTAMP_NS', 'TIME', 'TIME WITH TIME ZONE')", translated, StringComparison.Ordinal);
        // A computed operand (a timestamp function's result) keeps DuckDB's cast: no per-row lambda for the rounding.
        string computed = Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.Translate("SELECT CAST(date_trunc('day', block_time) AS timestamp), "
            + "CAST(from_unixtime(n) AS timestamp with time zone) FROM t", default, null).Sql;
        Assert.DoesNotContain("typeof", computed, StringComparison.Ordinal);
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT TIMESTAMP '2024-01-01 00:00:00.123' AS block_time;");
        Assert.Equal("2024-01-01 00:00:00.123", db.Scalar("SELECT CAST(block_time AS timestamp) FROM t"));
    }

    [Theory]
    // datetime.md: a timestamp with time zone keeps its zone, so hour() and the other fields read the zone's clock.
    [InlineData("SELECT hour(CAST('2024-01-01 23:30:00 Asia/Tokyo' AS timestamp with time zone))", "23")]
    [InlineData("SELECT day(CAST('2024-01-01 01:30:00.123 America/New_York' AS timestamp(3) with time zone))", "1")]
    [InlineData("SELECT minute(CAST('2024-01-01 23:30:00 Asia/Kolkata' AS timestamp(0) with time zone))", "30")]
    public void A_string_with_a_zone_cast_keeps_the_zone(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // Already Trino's (checked, pinned): the fields of a zoned value are the zone's wall clock, for literals,
    // at_timezone, from_unixtime with a zone, an offset, and microsecond values.
    [InlineData("SELECT hour(TIMESTAMP '2024-01-01 23:30:00.123456 Asia/Tokyo'), day_of_week(TIMESTAMP '2024-01-01 23:30:00 America/New_York')", "23,1")]
    [InlineData("SELECT year(at_timezone(TIMESTAMP '2025-01-01 03:00:00 UTC', 'America/New_York')), day(from_unixtime(0, 'America/New_York'))", "2024,31")]
    [InlineData("SELECT hour(TIMESTAMP '2024-01-01 23:30:00 +05:30'), hour(from_unixtime(0, 'Asia/Tokyo')), day_of_year(TIMESTAMP '2024-01-01 01:30:00 Asia/Tokyo')", "23,9,1")]
    public void The_fields_of_a_zoned_value_read_its_zone(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    // math.md's examples.
    [InlineData("SELECT cosine_similarity(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0])", "0.9838699100999074")]
    [InlineData("SELECT cosine_distance(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0])", "0.01613008990009257")]
    [InlineData("SELECT cosine_similarity(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0]))", "1")]
    [InlineData("SELECT cosine_distance(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0]))", "0")]
    // Integer arrays coerce to array(double); columns; orthogonal vectors; NULL in, NULL out.
    [InlineData("SELECT cosine_similarity(ARRAY[1, 2], ARRAY[3, 4])", "0.9838699100999074")]
    [InlineData("SELECT cosine_similarity(a, b) FROM (VALUES (ARRAY[1e0, 0e0], ARRAY[0e0, 1e0])) t(a, b)", "0")]
    [InlineData("SELECT cosine_similarity(a, ARRAY[1e0]) FROM (VALUES CAST(NULL AS array(double))) t(a)", "NULL")]
    // Sparse vectors: only shared keys add to the dot product (3 / (sqrt(5) * 3)); a NULL value gives NULL (mapL2Norm).
    [InlineData("SELECT cosine_similarity(MAP(ARRAY['a', 'b'], ARRAY[1e0, 2e0]), MAP(ARRAY['a', 'c'], ARRAY[3e0, 4e0])) = 3e0 / (sqrt(5e0) * 5e0)", "true")]
    [InlineData("SELECT cosine_similarity(m, MAP(ARRAY['a'], ARRAY[1e0])) FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1e0, NULL])) t(m)", "NULL")]
    public void Cosine_similarity_of_dense_and_sparse_vectors(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    // ArrayVectorFunctions' checks.
    [InlineData("SELECT cosine_similarity(ARRAY[1.0], ARRAY[3.0, 4.0])", "The arguments must have the same length")]
    [InlineData("SELECT cosine_similarity(ARRAY[0.0, 0.0], ARRAY[3.0, 4.0])", "Vector magnitude cannot be zero")]
    [InlineData("SELECT cosine_distance(ARRAY[1.0], ARRAY[0.0])", "Vector magnitude cannot be zero")]
    public void Cosine_similarity_of_bad_vectors_fails_as_trinos(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private const string MapTable = "CREATE SCHEMA s; CREATE TABLE s.m AS SELECT 1 AS id, MAP {'a': 10, 'b': 20} AS m UNION ALL SELECT 2, MAP {'c': 30};";

    [Theory]
    // select.md: UNNEST of a map gives two columns, key and value. The column's type is known from its table (on main:
    // "UNNEST not supported here" / DuckDB's binder).
    [InlineData("SELECT id, k, v FROM s.m CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY id, k", "1,a,10|1,b,20|2,c,30")]
    [InlineData("SELECT t.id, u.k, u.v FROM s.m t CROSS JOIN UNNEST(t.m) AS u(k, v) ORDER BY 1, 2", "1,a,10|1,b,20|2,c,30")]
    [InlineData("SELECT id, k, v, n FROM s.m, UNNEST(m) WITH ORDINALITY AS u(k, v, n) ORDER BY id, n", "1,a,10,1|1,b,20,2|2,c,30,1")]
    [InlineData("WITH c AS (SELECT id, m FROM s.m) SELECT k, v FROM c, UNNEST(c.m) AS u(k, v) WHERE id = 1 ORDER BY k", "a,10|b,20")]
    public void Unnest_of_a_map_column_gives_key_and_value(string sql, string expected)
    {
        using var db = new DuneSqlDb(MapTable);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql, db.ColumnTypes())));
    }

    [Theory]
    // DuckDB's TIMESTAMP_NS holds 1677-09-22 to 2262-04-11 (decision dune-types17); Trino's timestamp(9) any year. Outside, a named refusal (was
    // "Could not convert string '1000-01-01' to INT64", which the error rewrite read as a bigint cast).
    [InlineData("SELECT CAST('1000-01-01' AS timestamp(9))")]
    [InlineData("SELECT CAST('3000-01-01 00:00:00.123456789' AS timestamp(9))")]
    [InlineData("SELECT CAST(DATE '1000-01-01' AS timestamp(9))")]
    [InlineData("SELECT TRY_CAST(s AS timestamp(9)) FROM (VALUES '1000-01-01') t(s)")]
    [InlineData("SELECT TIMESTAMP '1000-01-01 00:00:00.123456789'")]
    [InlineData("SELECT TIMESTAMP '2262-04-11 23:47:16.854775808'")]
    public void A_timestamp_9_outside_the_nanosecond_range_is_refused_naming_it(string sql)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains("a timestamp(9) holds 1677-09-22 00:00:00.000000000 to 2262-04-11 23:47:16.854775806", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT CAST('2000-01-01 00:00:00.123456789' AS timestamp(9)) = TIMESTAMP '2000-01-01 00:00:00.123456789'", "true")]
    [InlineData("SELECT TIMESTAMP '2262-04-11 00:00:00.000000001' > TIMESTAMP '2262-04-11 00:00:00.000000000'", "true")]
    [InlineData("SELECT TIMESTAMP '1677-09-22 00:00:00.000000001' > TIMESTAMP '1677-09-22 00:00:00.000000000'", "true")]
    [InlineData("SELECT TRY_CAST(s AS timestamp(9)) FROM (VALUES 'abc') t(s)", "NULL")]
    [InlineData("SELECT CAST(ts AS timestamp(9)) = TIMESTAMP '2024-01-01 00:00:00.500000000' FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.5') t(ts)", "true")]
    public void A_timestamp_9_inside_the_range_is_unchanged(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}
