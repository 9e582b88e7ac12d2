using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>hostile29 (decision 281) through the real engine: the translator's own refusals (its templates' error()) stand in
/// their own words without DuckDB's "Invalid Input Error" in front; quoted input in an error is cut to 64 characters; calls
/// whose answer would pass the 16 MiB value bound fail at once, naming the function and the bound.</summary>
public sealed partial class DuneErrorsEngineTests
{
    private const string ValueBound = "is past 16777216, the most bytes a value may hold (16 MiB); the answer could not be returned";

    /// <summary>The messages are the templates' (Trino's words where Trino has the function); before the fix each came
    /// back as "Invalid Input Error: " and the message.</summary>
    [Theory]
    [InlineData("SELECT strpos('abc', 'b', 0)", "strpos: instance must not be zero")]
    [InlineData("SELECT ngrams(ARRAY[1, 2], 0)", "ngrams: N must be positive")]
    [InlineData("SELECT combinations(ARRAY[1, 2], -1)", "combination size must not be negative: -1")]
    [InlineData("SELECT combinations(ARRAY[1, 2], 6)", "combination size must not exceed 5: 6")]
    [InlineData("SELECT luhn_check('12a')", "Input contains non-digit character")]
    [InlineData("SELECT hamming_distance('ab', 'abc')", "The input strings to hamming_distance function must have the same length")]
    [InlineData("SELECT width_bucket(1, 0, 10, 0)", "bucketCount must be greater than 0")]
    [InlineData("SELECT width_bucket(1, 5, 5, 3)", "bounds cannot equal each other")]
    [InlineData("SELECT wilson_interval_lower(1, 0, 1.96e0)", "number of trials must be positive")]
    [InlineData("SELECT wilson_interval_upper(-1, 3, 1.96e0)", "number of successes must not be negative")]
    [InlineData("SELECT wilson_interval_upper(4, 3, 1.96e0)", "number of successes must not be larger than number of trials")]
    [InlineData("SELECT wilson_interval_upper(1, 3, -1e0)", "z-score must not be negative")]
    [InlineData("SELECT parse_duration('abc')", "duration is not a valid data duration string: abc")]
    [InlineData("SELECT from_big_endian_32(x'0102')", "from_big_endian_32: expected 4-byte input, but got 2")]
    [InlineData("SELECT array_sort(ARRAY[3, 1], (a, b) -> 5)", "array_sort: the comparator gave 5, not -1, 0 or 1")]
    [InlineData("SELECT bit_count(1000, 4)", "bit_count: value does not fit in the number of bits")]
    [InlineData("SELECT json_object('a' VALUE 1, 'a' VALUE 2 WITH UNIQUE KEYS)", "duplicate key passed to JSON_OBJECT function")]
    [InlineData("SELECT repeat('a', 10001)", "count argument of repeat function must be less than or equal to 10000")]
    public void A_translator_refusal_stands_without_duckdbs_prefix(string sql, string message)
    {
        Assert.Equal(message, Fail(sql).Message);
    }

    [Fact]
    public void A_huge_zone_is_echoed_as_a_short_prefix()
    {
        string zone = new string('Z', 99_999) + "Q";
        string message = Fail($"SELECT at_timezone(TIMESTAMP '2020-01-01 00:00:00 UTC', '{zone}')").Message;
        Assert.Contains(new string('Z', 64) + "... (100000 characters)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQ", message, StringComparison.Ordinal);
        Assert.True(message.Length < 400, message.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("SELECT format('%2000000000s', 'a')", "format: the answer's least length")]
    [InlineData("SELECT format('%9000000s%9000000s', 'a', 'b')", "format: the answer's least length")]
    [InlineData("SELECT format('%.20000000f', 1e0)", "format: the answer's least length")]
    [InlineData("SELECT cardinality(repeat(lpad('a', 1000000, 'b'), 17))", "repeat: the answer's size")]
    [InlineData("SELECT length(array_join(ARRAY[lpad('a', 9000000, 'b'), lpad('c', 9000000, 'd')], ','))", "array_join: the joined text's length")]
    [InlineData("SELECT length(array_join(ARRAY[lpad('a', 9000000, 'b'), NULL], '', lpad('c', 9000000, 'd')))", "array_join: the joined text's length")]
    [InlineData("SELECT length(replace(lpad('a', 10000000, 'b'), 'b', 'cc'))", "replace: the answer's length")]
    public void A_call_whose_answer_passes_the_value_bound_fails_at_once(string sql, string function)
    {
        string message = Fail(sql).Message;
        Assert.Contains(function, message, StringComparison.Ordinal);
        Assert.Contains(ValueBound, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid Input Error", message, StringComparison.Ordinal);
    }
}
