using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 272 (docs/notes/dune-wild24.md), through the HTTP API. The answers are written from Trino's and Dune's
/// docs: Dune's conversion.mdx ("DuneSQL will not convert implicitly between character and numeric types"), Trino's
/// string.md (<c>chr(n) → varchar</c>: "the Unicode code point n as a single character string"; StringFunctions takes a
/// bigint) and select.md's UNNEST (a map gives two columns, its keys and its values).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild24Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // A string literal is varchar(its length) (types.md); Trino refuses the operator at its position.
    [InlineData("SELECT 'abc' = 1", "Cannot apply operator: varchar(3) = integer", 14)]
    [InlineData("SELECT '1' = 1", "Cannot apply operator: varchar(1) = integer", 12)]
    [InlineData("SELECT 2 < '10'", "Cannot apply operator: integer < varchar(2)", 10)]
    [InlineData("SELECT 1.5 != 'x'", "Cannot apply operator: decimal(2,1) = varchar(1)", 12)]
    [InlineData("SELECT 'x' >= 5000000000", "Cannot apply operator: varchar(1) <= bigint", 12)]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE nonce = '5'", "Cannot apply operator: bigint = varchar(1)", 56)]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE value > '0'", "Cannot apply operator: uint256 < varchar(1)", 56)]
    public async Task A_string_literal_compared_with_a_number_is_refused(string sql, string expected, int column)
    {
        Assert.Equal((expected, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Fact]
    public async Task A_string_literal_in_the_list_of_a_number_is_refused_at_the_string()
    {
        // coerceToSingleType: the message names the type of the value and the items before the string (bigint).
        var failure = await Server.Alice.RunToFailureAtAsync("SELECT count(*) FROM ethereum.transactions WHERE nonce IN (1, '2')");
        Assert.Equal(("IN value and list items must be the same type: bigint", 1, 63), failure);
    }

    [Theory]
    // What Trino runs keeps running: strings with strings, varbinary literals, dates, and numbers with numbers.
    [InlineData("SELECT 'a' = 'a', 0x01 = 0x01, 1 = 1.0, 'b' IN ('a', 'b')", "true,true,true,true")]
    [InlineData("SELECT UINT256 '7' > 3, 2 * UINT256 '1' = 2", "true,true")]
    [InlineData("SELECT DATE '2024-01-02' > DATE '2024-01-01', count(*) >= 0 FROM ethereum.transactions WHERE block_time > TIMESTAMP '2000-01-01'", "true,true")]
    public async Task Comparisons_of_one_kind_still_run(string sql, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(expected, rows[1]);
    }

    [Fact]
    public async Task Chr_takes_a_bigint()
    {
        long[] xs = [0, 25, 26, 5_000_000_007];
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT x, chr(97 + x % 26) AS c FROM (VALUES {string.Join(", ", xs.Select(x => $"CAST({x} AS bigint)"))}) AS t(x) ORDER BY x");
        Assert.Equal(["x,c", .. xs.Order().Select(x => $"{x.ToString(CultureInfo.InvariantCulture)},{(char)(97 + x % 26)}")], rows);
        // The largest code point, and a character past the Basic Multilingual Plane (two UTF-16 units, one character).
        var wide = await Server.Alice.RunCsvAsync("SELECT chr(CAST(1114111 AS bigint)) = from_utf8(0xF48FBFBF), length(chr(128512)), chr(NULL) IS NULL");
        Assert.Equal("true,1,true", wide[1]);
    }

    [Theory]
    // StringFunctions.chr: a value that is no code point (past U+10FFFF, past the int range, a UTF-16 surrogate).
    [InlineData("SELECT chr(CAST(1114112 AS bigint))", "Not a valid Unicode code point: 1114112")]
    [InlineData("SELECT chr(x) FROM (VALUES CAST(4294967393 AS bigint)) AS t(x)", "Not a valid Unicode code point: 4294967393")]
    [InlineData("SELECT chr(x) FROM (VALUES CAST(-3 AS bigint)) AS t(x)", "Not a valid Unicode code point: -3")]
    [InlineData("SELECT chr(55296)", "Not a valid Unicode code point: 55296")]
    public async Task Chr_refuses_a_value_that_is_no_code_point(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    private static readonly (string Key, int Value)[] Entries = [("dog", 3), ("cat", 1), ("bird", 7)];

    private static string EntriesValues => string.Join(", ", Entries.Select(e => $"('{e.Key}', {e.Value})"));

    private static IEnumerable<string> SortedEntries =>
        Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key},{e.Value.ToString(CultureInfo.InvariantCulture)}");

    [Fact]
    public async Task A_map_only_the_binder_knows_is_unnested_without_a_column_list()
    {
        // Trino's fields are unnamed: the output names them _col0 and _col1 when they come first.
        var rows = await Server.Alice.RunCsvAsync($"""
            WITH m AS (SELECT map_agg(k, v) AS pets FROM (VALUES {EntriesValues}) AS s(k, v))
            SELECT t.* FROM m CROSS JOIN UNNEST(pets) AS t ORDER BY 1
            """);
        Assert.Equal(["_col0,_col1", .. SortedEntries], rows);
        var count = await Server.Alice.RunCsvAsync($"""
            WITH m AS (SELECT map_agg(k, v) AS pets FROM (VALUES {EntriesValues}) AS s(k, v))
            SELECT count(*) AS n FROM m CROSS JOIN UNNEST(pets)
            """);
        Assert.Equal(["n", Entries.Length.ToString(CultureInfo.InvariantCulture)], count);
    }

    [Fact]
    public async Task A_map_whose_form_shows_it_is_unnested_without_a_column_list()
    {
        var rows = await Server.Alice.RunCsvAsync($"""
            SELECT * FROM UNNEST(map(ARRAY[{string.Join(", ", Entries.Select(e => $"'{e.Key}'"))}], ARRAY[{string.Join(", ", Entries.Select(e => e.Value))}])) AS t ORDER BY 1
            """);
        Assert.Equal(["_col0,_col1", .. SortedEntries], rows);
    }
}
