namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 266 (docs/notes/dune-wild23.md), through the HTTP API. Trino's UNNEST expands a map into two columns,
/// its keys and its values, and several operands side by side, the shorter padded with NULLs (Trino's docs, select.md,
/// "UNNEST"): also when the text does not show the operand is a map (a CTE's map_agg, a subquery's map_from_entries),
/// which DuckDB refused ("UNNEST not supported here"). An operand that is no array or map is refused at its UNNEST with
/// its type. A string literal given to a function that has no signature for it is varchar(its length) in Trino's
/// "Unexpected parameters" (Trino types a literal 'abc' varchar(3): language/types.md, "varchar").
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild23Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static readonly (string Key, int Value)[] Entries = [("dog", 3), ("cat", 1), ("bird", 7)];

    private static string EntriesValues => string.Join(", ", Entries.Select(e => $"('{e.Key}', {e.Value})"));

    [Fact]
    public async Task A_map_a_cte_builds_is_unnested_into_its_keys_and_values()
    {
        var rows = await Server.Alice.RunCsvAsync($"""
            WITH m AS (SELECT map_agg(k, v) AS pets FROM (VALUES {EntriesValues}) AS s(k, v))
            SELECT name, legs FROM m CROSS JOIN UNNEST(pets) AS t(name, legs) ORDER BY name
            """);
        Assert.Equal(["name,legs", .. Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key},{e.Value}")], rows);
    }

    [Fact]
    public async Task A_subquerys_map_is_unnested_with_ordinality_and_a_filter()
    {
        // Each entry numbered once, 1..n (the order of a map's entries is nobody's promise, so only the set is checked).
        var rows = await Server.Alice.RunCsvAsync($"""
            SELECT name, legs, n FROM (SELECT map_from_entries(ARRAY[{string.Join(", ", Entries.Select(e => $"('{e.Key}', {e.Value})"))}]) AS pets) p,
                UNNEST(p.pets) WITH ORDINALITY AS t(name, legs, n)
            WHERE legs > 1 ORDER BY name
            """);
        var expected = Entries.Where(e => e.Value > 1).OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal("name,legs,n", rows[0]);
        Assert.Equal(expected.Select(e => $"{e.Key},{e.Value}"), rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));
        var numbers = await Server.Alice.RunCsvAsync($"""
            SELECT n FROM (SELECT map_from_entries(ARRAY[{string.Join(", ", Entries.Select(e => $"('{e.Key}', {e.Value})"))}]) AS pets) p,
                UNNEST(p.pets) WITH ORDINALITY AS t(name, legs, n) ORDER BY n
            """);
        Assert.Equal(["n", .. Enumerable.Range(1, Entries.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], numbers);
    }

    [Fact]
    public async Task An_array_of_maps_beside_a_map_is_unnested_as_an_array()
    {
        // The array's elements stay maps (one column), the map gives two (the lead's review of 266: the list of maps was
        // taken for a map and written as map_entries of a list).
        var rows = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT array_agg(m) AS ms, map_agg('b', 2) AS one FROM (SELECT map(ARRAY['a'], ARRAY[1]) AS m) s)
            SELECT element_at(x, 'a') AS a, k, v FROM t CROSS JOIN UNNEST(ms, one) AS u(x, k, v)
            """);
        Assert.Equal(["a,k,v", "1,b,2"], rows);
    }

    [Fact]
    public async Task A_map_beside_an_array_or_another_map_is_padded_with_nulls()
    {
        // The array has three elements, the map two entries: the third row's key and value are NULL (select.md).
        var rows = await Server.Alice.RunCsvAsync("""
            WITH m AS (SELECT map_agg(k, v) AS pets, ARRAY[10, 20, 30] AS xs FROM (VALUES ('a', 1), ('b', 2)) AS s(k, v))
            SELECT x, name IS NULL AS padded FROM m CROSS JOIN UNNEST(xs, pets) AS t(x, name, legs) ORDER BY x
            """);
        Assert.Equal(["x,padded", "10,false", "20,false", "30,true"], rows);
        // Two maps the text does not show, both found: four columns, as many rows as the longer map has entries, its
        // entries beside the shorter's in the order the map's arrays give them (map(array, array), map.md).
        var two = await Server.Alice.RunCsvAsync("""
            WITH m AS (SELECT map(ARRAY['a', 'b'], ARRAY[1, 2]) AS a, map(ARRAY[5], ARRAY['z']) AS b)
            SELECT k1, v1, k2, v2 FROM m CROSS JOIN UNNEST(a, b) AS t(k1, v1, k2, v2) ORDER BY k1
            """);
        Assert.Equal(["k1,v1,k2,v2", "a,1,5,z", "b,2,,"], two);
    }

    [Fact]
    public async Task An_operand_that_is_no_array_or_map_is_refused_at_its_unnest()
    {
        // Trino's StatementAnalyzer places "Cannot unnest type" at the UNNEST relation: line 3, column 3 here.
        var (message, line, column) = await Server.Alice.RunToFailureAtAsync("WITH t AS (SELECT length('abc') AS n)\nSELECT c FROM t CROSS JOIN\n  UNNEST(n) AS u(c)");
        Assert.Equal(("Cannot unnest type: bigint", 3, 3), (message, line, column));
    }

    [Theory]
    // math.md: abs(x) takes a number; aggregate.md: sum(x) a number; string.md: length(string) one argument.
    [InlineData("SELECT abs('abc')", "Unexpected parameters (varchar(3)) for function abs")]
    [InlineData("SELECT abs('it''s')", "Unexpected parameters (varchar(4)) for function abs")]
    [InlineData("SELECT sum('x')", "Unexpected parameters (varchar(1)) for function sum")]
    [InlineData("SELECT length(1, 'ab')", "Unexpected parameters (integer, varchar(2)) for function length")]
    public async Task A_string_literal_argument_is_varchar_of_its_length(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }
}
