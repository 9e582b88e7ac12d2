namespace Strata.Tests.DuneSql;

/// <summary>
/// Functions of Dune's reference (regexp.mdx, url.mdx, string.mdx, bitwise.mdx, math.mdx, array.mdx) that DuckDB lacks,
/// spells differently, or answers with another value, type or order, checked against the documented examples.
/// </summary>
public sealed class DuneSqlTrinoFunctionsTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // regexp.mdx: the replacement is Java's, $n a group.
    [InlineData("regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')", "3ca 3cb 14m")]
    [InlineData("regexp_replace('abc', '(b)', '[$1$1]')", "a[bb]c")]
    [InlineData("regexp_replace('a.b', '\\.', '\\$')", "a$b")]
    [InlineData("regexp_replace('a1', '(\\d)', '\\\\$1')", "a\\1")]
    [InlineData("regexp_replace('1a 2b 14m', '\\d+[ab] ')", "14m")]
    public void Regexp_replace_takes_Javas_replacement_syntax(string call, string expected) =>
        Assert.Equal(expected, db.Scalar($"SELECT {call}"));

    [Theory]
    [InlineData("url_extract_host('https://user:pw@dune.com:8443/queries/1?x=1&y=2#top')", "dune.com")]
    [InlineData("url_extract_port('https://user:pw@dune.com:8443/queries/1?x=1&y=2#top')", "8443")]
    [InlineData("url_extract_port('https://dune.com/queries')", "NULL")]
    [InlineData("url_extract_protocol('https://dune.com/queries')", "https")]
    [InlineData("url_extract_path('https://dune.com/queries/1?x=1')", "/queries/1")]
    [InlineData("url_extract_query('https://dune.com/queries/1?x=1&y=2#top')", "x=1&y=2")]
    [InlineData("url_extract_fragment('https://dune.com/queries/1?x=1&y=2#top')", "top")]
    [InlineData("url_extract_parameter('https://dune.com/q?x=1&y=2&y=3', 'y')", "2")]
    [InlineData("url_extract_parameter('https://dune.com/q?flag&x=1', 'flag')", "")]
    [InlineData("url_extract_parameter('https://dune.com/q?x=1', 'z')", "NULL")]
    public void Url_functions_take_a_URLs_parts(string call, string expected) =>
        Assert.Equal(expected, db.Scalar($"SELECT {call}"));

    [Theory]
    [InlineData("strpos('abcabcabc', 'c', 2)", "6")]
    [InlineData("strpos('abcabcabc', 'c', -1)", "9")]
    [InlineData("strpos('abcabcabc', 'c', 4)", "0")]
    [InlineData("strpos('aaa', 'aa', 2)", "2")]
    [InlineData("hamming_distance('abc', 'abd')", "1")]
    // hostile15: Trino counts the code points that differ; DuckDB's hamming compares bytes (it refused 'é' against 'e').
    [InlineData("hamming_distance('é', 'e')", "1")]
    [InlineData("hamming_distance('éa😀', 'eb😀')", "2")]
    [InlineData("hamming_distance('ñ😀', 'ñ😀')", "0")]
    [InlineData("hamming_distance('中文', 'ab')", "2")]
    [InlineData("cardinality(split_to_map('a=1,b=2', ',', '='))", "2")]
    [InlineData("split_to_map('a=1,b=2', ',', '=')['b']", "2")]
    [InlineData("width_bucket(5.3, 0.2, 10.6, 5)", "3")]
    [InlineData("width_bucket(-1, 0, 10, 5)", "0")]
    [InlineData("width_bucket(10, 0, 10, 5)", "6")]
    [InlineData("width_bucket(2, 10, 0, 5)", "5")]
    [InlineData("cbrt(27.0) = 3.0", "true")]
    [InlineData("cbrt(2.0) BETWEEN 1.2599 AND 1.26", "true")]
    [InlineData("round(e(), 6)", "2.718282")]
    [InlineData("truncate(1.29, 1)", "1.20")] // MathFunctions.TruncateN keeps the decimal(3,2) (decision 233)
    [InlineData("array_join(array_union(ARRAY[1, 2, 1], ARRAY[3, 2]), ',')", "1,2,3")]
    [InlineData("cardinality(shuffle(ARRAY[1, 2, 3]))", "3")]
    [InlineData("array_join(array_sort(shuffle(ARRAY[3, 1, 2])), ',')", "1,2,3")]
    [InlineData("cosine_similarity(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0])) = 1.0", "true")]
    [InlineData("cosine_similarity(MAP(ARRAY['a', 'b'], ARRAY[1.0, 0.0]), MAP(ARRAY['b'], ARRAY[2.0])) = 0.0", "true")]
    // bitwise.mdx
    [InlineData("bitwise_right_shift_arithmetic(-45, 64)", "-1")]
    [InlineData("bitwise_right_shift_arithmetic(45, 64)", "0")]
    [InlineData("bitwise_right_shift_arithmetic(-45, 2)", "-12")]
    [InlineData("bitwise_and(19, 25)", "17")]
    [InlineData("bitwise_not(-12)", "11")]
    public void Functions_give_their_documented_values(string call, string expected) =>
        Assert.Equal(expected, db.Scalar($"SELECT {call}"));

    [Theory]
    [InlineData("bitwise_and(19, 25)")]
    [InlineData("bitwise_or(19, 25)")]
    [InlineData("bitwise_xor(19, 25)")]
    [InlineData("bitwise_not(19)")]
    [InlineData("bit_count(9, 64)")]
    [InlineData("json_array_length('[1, 2]')")]
    [InlineData("array_position(ARRAY[5, 6, 7], 7)")]
    [InlineData("url_extract_port('http://a:80/')")]
    [InlineData("width_bucket(5.3, 0.2, 10.6, 5)")]
    public void Functions_Trino_declares_bigint_are_bigint(string call) =>
        Assert.Equal("bigint", db.Scalar($"SELECT typeof({call})"));

    [Theory]
    [InlineData("hamming_distance('é', 'ee')", "must have the same length")]
    [InlineData("strpos('abc', 'b', 0)", "instance must not be zero")]
    [InlineData("hamming_distance('abc', 'ab')", "must have the same length")]
    [InlineData("split_to_map('a=1,b', ',', '=')", "Key-value delimiter must appear exactly once")]
    [InlineData("split_to_map('a=1,a=2', ',', '=')", "Duplicate keys")]
    [InlineData("width_bucket(1, 0, 10, 0)", "bucketCount must be greater than 0")]
    public void Bad_arguments_fail_with_Trinos_message(string call, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT {call}"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
