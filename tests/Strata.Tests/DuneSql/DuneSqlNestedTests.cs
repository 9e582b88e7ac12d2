using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-nested: a map's subscript with a missing key fails as Trino's (map.md), UNNEST of a map gives a
/// key and a value column, the subscript evaluates its operand once, and the calls known to give an array are derived
/// from the function tables.</summary>
public sealed class DuneSqlNestedTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private string Table(string sql) => string.Join(" | ", db.Rows(sql).Select(r => string.Join(",", r)));

    [Theory]
    // map.md: "subscript operator [] … fails if the key is not present in the map"; element_at gives NULL instead.
    [InlineData("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['missing']", "Key not present in map: missing")]
    [InlineData("SELECT m['c'] FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) AS m)", "Key not present in map: c")]
    [InlineData("SELECT m[k] FROM (VALUES (MAP(ARRAY[1, 2], ARRAY[10, 20]), 2), (MAP(ARRAY[1], ARRAY[10]), 3)) AS t(m, k)", "Key not present in map: 3")]
    [InlineData("SELECT m['z'] FROM (SELECT map_agg(k, v) AS m FROM (VALUES ('a', 1)) AS t(k, v))", "Key not present in map: z")]
    public void A_map_subscript_with_a_missing_key_fails_as_Trinos(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['b']", "2")]
    // A key that is present with a NULL value is NULL, not an error; a NULL map or key is NULL.
    [InlineData("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, NULL])['b']", "NULL")]
    [InlineData("SELECT CAST(NULL AS map(varchar, integer))['a']", "NULL")]
    [InlineData("SELECT MAP(ARRAY['a'], ARRAY[1])[CAST(NULL AS varchar)]", "NULL")]
    [InlineData("SELECT element_at(MAP(ARRAY['a'], ARRAY[1]), 'missing')", "NULL")]
    [InlineData("SELECT MAP(ARRAY[0x01], ARRAY['x'])[0x01]", "x")]
    [InlineData("SELECT ROW(1, 'a')[2]", "a")]
    public void A_map_subscript_with_a_present_key_or_a_null_is_the_value(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Unnest_of_a_map_gives_key_and_value_columns()
    {
        Assert.Equal("a,1 | b,2", Table("SELECT k, v FROM unnest(map(array['a', 'b'], array[1, 2])) AS t(k, v) ORDER BY k"));
        Assert.Equal("a,1,1 | b,2,2", Table("SELECT k, v, n FROM UNNEST(MAP(ARRAY['a', 'b'], ARRAY[1, 2])) WITH ORDINALITY AS t(k, v, n) ORDER BY n"));
        Assert.Equal("1,a,10 | 2,a,20 | 2,b,30", Table("""
            SELECT x.id, u.k, u.v
            FROM (VALUES (1, MAP(ARRAY['a'], ARRAY[10])), (2, MAP(ARRAY['a', 'b'], ARRAY[20, 30]))) AS x(id, m)
            CROSS JOIN UNNEST(map_filter(x.m, (k, v) -> v > 0)) AS u(k, v)
            ORDER BY 1, 2
            """));
        Assert.Equal("x,5", Table("SELECT k, v FROM (SELECT 1) CROSS JOIN UNNEST(CAST(MAP(ARRAY['x'], ARRAY[5]) AS map(varchar, bigint))) AS t(k, v)"));
        Assert.Equal("k,2", Table("SELECT k, v FROM UNNEST(map_agg('k', 2)) AS t(k, v)"));
    }

    [Fact]
    public void A_subscript_evaluates_its_computed_operand_once()
    {
        string sql = DuneSqlTranslator.Translate("SELECT split(s, ',')[2] FROM (VALUES ('a,b')) AS t(s)").Sql;
        Assert.Equal(1, Count(sql, "string_split(") + Count(sql, "split("));
        Assert.Equal("b", db.Scalar("SELECT split(s, ',')[2] FROM (VALUES ('a,b')) AS t(s)"));
        // Chained subscripts stay linear in length (each level evaluates its base once).
        string chained = DuneSqlTranslator.Translate("SELECT ARRAY[ARRAY[ARRAY[ARRAY[1]]]][1][1][1][1]").Sql;
        Assert.True(chained.Length < 6000, $"{chained.Length} characters");
        Assert.Equal("1", db.Scalar("SELECT ARRAY[ARRAY[ARRAY[ARRAY[1]]]][1][1][1][1]"));
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    [Fact]
    public void The_functions_known_to_give_an_array_are_derived_from_the_tables()
    {
        string[] expected =
        [
            "array_agg", "array_distinct", "array_except", "array_intersect", "array_remove", "array_sort", "array_union",
            "combinations", "filter", "flatten", "map_keys", "map_values", "ngrams", "regexp_extract_all", "regexp_split",
            "repeat", "sequence", "shuffle", "slice", "split", "transform", "trim_array", "zip",
        ];
        Assert.Subset(DuneSqlTranslator.ArrayFunctions, expected.ToHashSet());
        // Never a function whose result is not an array.
        foreach (string name in new[] { "array_join", "cardinality", "array_position", "element_at", "substr", "array_max", "map", "map_agg" })
        {
            Assert.DoesNotContain(name, DuneSqlTranslator.ArrayFunctions);
        }
        Assert.Contains("map_agg", DuneSqlTranslator.MapFunctions);
        Assert.DoesNotContain("map_keys", DuneSqlTranslator.MapFunctions);
        Assert.True(DuneSqlTranslator.ReturnsList("(CASE WHEN ($2) > 1 THEN error('x') ELSE repeat([$1], 2) END)"));
        Assert.False(DuneSqlTranslator.ReturnsList("repeat($1, 2)"));
        Assert.False(DuneSqlTranslator.ReturnsList("list_transform([$1], _x -> _x)[1]"));
        Assert.False(DuneSqlTranslator.ReturnsList("(CASE WHEN $1 THEN [1] ELSE 'a' END)"));
        Assert.True(DuneSqlTranslator.ReturnsList("(CASE WHEN $1 THEN CASE WHEN $2 THEN [1] ELSE NULL END ELSE list_value(1) END)"));
    }

    [Fact]
    public void An_array_function_concatenated_with_an_element_appends_it()
    {
        Assert.Equal("[1, 1, 3]", db.Scalar("SELECT repeat(1, 2) || 3"));
        Assert.Equal("[0, 1, 2]", db.Scalar("SELECT 0 || sequence(1, 2)"));
    }
}
