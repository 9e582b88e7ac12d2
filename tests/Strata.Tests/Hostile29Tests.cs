using System.Globalization;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>hostile29 (decision 281): the value-bound checks refuse only answers past 16 MiB; an answer at or under it is
/// built (its length computed here from the arguments).</summary>
public sealed class Hostile29BoundTests
{
    [Theory]
    // 16 copies of a 1,000,000-character element: 16,000,000 bytes, under 16,777,216.
    [InlineData("SELECT cardinality(repeat(lpad('a', 1000000, 'b'), 16))", 16L)]
    // 16 elements of 1,000,000 and 15 one-character separators.
    [InlineData("SELECT length(array_join(repeat(lpad('a', 1000000, 'b'), 16), ','))", 16_000_015L)]
    // The length counts the NULL's replacement: 9,000,000 + 7,000,000.
    [InlineData("SELECT length(array_join(ARRAY[lpad('a', 9000000, 'b'), NULL], '', lpad('c', 7000000, 'd')))", 16_000_000L)]
    // One occurrence of 'a' in 10,000,000 characters: the bound of the worst case (every character a match) is past
    // 16 MiB, the answer (10,000,001) is not.
    [InlineData("SELECT length(replace(lpad('a', 10000000, 'b'), 'a', 'cc'))", 10_000_001L)]
    // 999,999 b's each become two characters: 1,999,999.
    [InlineData("SELECT length(replace(lpad('a', 1000000, 'b'), 'b', 'cc'))", 1_999_999L)]
    [InlineData("SELECT length(format('%16777216s', 'a'))", 16_777_216L)]
    // 3,000,000 booleans (DuckDB's text of the element, "[true, true, …]", is 6 characters a boolean: 18 MB).
    [InlineData("SELECT cardinality(repeat(repeat(true, 300), 10000))", 10_000L)]
    [InlineData("SELECT length(format('%8000000s|%8000000s', 'a', 'b'))", 16_000_001L)]
    public void An_answer_within_the_bound_is_built(string sql, long expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), db.Scalar(sql));
    }

    [Theory]
    [InlineData("Time zone '" + "x" + "' is not valid", "Time zone 'x' is not valid")]
    // An apostrophe inside a word opens no quote: the message is unchanged however long.
    [InlineData("format_datetime pattern z (the zone's short name) is not supported for the zone Europe/Berlin and more words past sixty-four characters",
        "format_datetime pattern z (the zone's short name) is not supported for the zone Europe/Berlin and more words past sixty-four characters")]
    public void Echoed_input_keeps_short_quotes_and_words(string message, string expected)
    {
        Assert.Equal(expected, Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError(message));
    }

    [Fact]
    public void Array_join_counts_no_delimiter_for_a_skipped_null()
    {
        // Review of 281: NULL elements are skipped with no delimiter (Trino's array_join): one element, no 2,000-character
        // delimiter (the bound counted 9,999 of them: 20 MB).
        using var db = new DuneSqlDb();
        string delimiter = "'" + new string('-', 2000) + "'";
        Assert.Equal("1", db.Scalar($"SELECT length(array_join(transform(sequence(1, 10000), x -> IF(x = 1, 'a', NULL)), {delimiter}))"));
    }

    [Fact]
    public void A_quoted_name_of_a_real_tables_length_is_whole()
    {
        // Review of 281: Dune's table names run past 64 characters, and Trino names them whole.
        string name = "delta_prod.uniswap_v3_ethereum.nonfungibletokenpositiondescriptor_call_tokenratiopriority";
        string message = "Table '" + name + "' does not exist";
        Assert.Equal(message, Strata.Core.Security.EchoedText.CutQuoted(message));
        string longest = new string('n', Strata.Core.Security.EchoedText.MaxQuotedChars);
        Assert.Equal("the name '" + longest + "' is odd", Strata.Core.Security.EchoedText.CutQuoted("the name '" + longest + "' is odd"));
        Assert.Equal("the name '" + new string('n', 64) + "... (257 characters)' is odd",
            Strata.Core.Security.EchoedText.CutQuoted("the name '" + longest + "n' is odd"));
    }

    [Fact]
    public void A_long_quoted_run_is_cut_and_an_unclosed_one_too()
    {
        string name = new string('n', 500);
        Assert.Equal("Some Error: the name \"" + new string('n', 64) + "... (500 characters)\" is odd",
            Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError("Some Error: the name \"" + name + "\" is odd"));
        Assert.Equal("Some Error: the text '" + new string('n', 64) + "... (500 characters)",
            Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError("Some Error: the text '" + name));
    }
}

/// <summary>hostile29: a refusal that quotes its input (search-by-contract's address) carried all of it; every
/// <c>{"error": ...}</c> body now cuts a quoted run to 64 characters and the count.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile29WireTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task A_long_contract_address_is_echoed_as_a_short_prefix()
    {
        string address = "0x" + new string('z', 5000);
        var (code, body, response) = await shared.Server.Alice.PostJsonAsync("/api/v1/datasets/search-by-contract",
            "{\"contract_address\":\"" + address + "\"}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("0x" + new string('z', 62) + "... (5002 characters)", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(text.Length < 300, text.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_template_refusal_reaches_the_wire_without_duckdbs_prefix()
    {
        string id = await shared.Server.Alice.SubmitAsync("select strpos('abc', 'b', 0)");
        var status = await shared.Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("strpos: instance must not be zero", status["error"]!["message"]!.GetValue<string>());
    }
}
