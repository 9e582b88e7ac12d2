using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild5: what real queries and Dune's function reference still met. Trino's Teradata functions
/// (teradata.mdx: to_char, to_date, to_timestamp, index), contains_sequence (array.mdx), and the JSON literal's value
/// kept canonical as Trino's (json.mdx: json_format(JSON '{"a": 1, "b": 2}') is {"a":1,"b":2}).</summary>
public sealed class DuneSqlWild5Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // Trino's Teradata tests and teradata.mdx's specifiers (24-hour, 12-hour, punctuation kept).
    [InlineData("SELECT to_char(TIMESTAMP '1988-04-08 14:15:16', 'yyyy/mm/dd hh24:mi:ss')", "1988/04/08 14:15:16")]
    [InlineData("SELECT to_char(TIMESTAMP '1988-04-08 14:15:16', 'yy-mm-dd hh:mi')", "88-04-08 02:15")]
    [InlineData("SELECT to_char(TIMESTAMP '2024-01-02 03:04:05 UTC', 'dd.mm.yyyy;ss')", "02.01.2024;05")]
    [InlineData("SELECT to_date('1988/04/08', 'yyyy/mm/dd') = DATE '1988-04-08'", "true")]
    [InlineData("SELECT typeof(to_date('1988/04/08', 'yyyy/mm/dd'))", "date")]
    [InlineData("SELECT to_timestamp('1988/04/08;02:03:04', 'yyyy/mm/dd;hh24:mi:ss') = TIMESTAMP '1988-04-08 02:03:04'", "true")]
    // yy is read as 1970..2069 (Trino's pivot year).
    [InlineData("SELECT year(to_date('69-01-01', 'yy-mm-dd'))", "2069")]
    [InlineData("SELECT year(to_date('70-01-01', 'yy-mm-dd'))", "1970")]
    [InlineData("SELECT index('high', 'ig')", "2")]
    [InlineData("SELECT index('high', 'x')", "0")]
    public void Teradata_functions_give_trinos_answers(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // string.mdx's two examples, then Trino's LuhnCheckFunction cases: '' is false, NULL is NULL, a lone 0 passes.
    [InlineData("SELECT luhn_check('79927398713')", "true")]
    [InlineData("SELECT luhn_check('79927398714')", "false")]
    [InlineData("SELECT luhn_check('4242424242424242')", "true")]
    [InlineData("SELECT luhn_check('4242424242424241')", "false")]
    [InlineData("SELECT luhn_check('0')", "true")]
    [InlineData("SELECT luhn_check('')", "false")]
    [InlineData("SELECT luhn_check(CAST(NULL AS varchar)) IS NULL", "true")]
    [InlineData("SELECT count_if(luhn_check(x)) FROM (VALUES ('18'), ('26'), ('27')) t(x)", "2")]
    public void Luhn_check_tests_a_string_of_digits(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT luhn_check('7992 7398 713')")]
    [InlineData("SELECT luhn_check('12a4')")]
    public void Luhn_check_refuses_a_non_digit(string sql)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("Input contains non-digit character", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT to_char(TIMESTAMP '1988-04-08 14:15:16', 'YYYY')", "Failed to tokenize string [YYYY] at offset [0]")]
    [InlineData("SELECT to_date('1988 x', 'yyyy x')", "Failed to tokenize string [yyyy x] at offset [5]")]
    [InlineData("SELECT to_date(x, f) FROM (VALUES ('1988', 'yyyy')) t(x, f)", "Function to_date is supported only with a constant format string")]
    public void Teradata_formats_outside_the_specifiers_are_refused(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[2, 3])", "true")]
    [InlineData("SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[3, 2])", "false")]
    [InlineData("SELECT contains_sequence(ARRAY[1, 2, 3, 4], ARRAY[1, 3])", "false")]
    [InlineData("SELECT contains_sequence(ARRAY[1, 2], ARRAY[1, 2, 3])", "false")]
    [InlineData("SELECT contains_sequence(ARRAY[1, 2], ARRAY[])", "true")]
    [InlineData("SELECT contains_sequence(ARRAY[], ARRAY[])", "true")]
    // Elements compare as IS DISTINCT FROM (Trino's operator dependency): NULL matches NULL.
    [InlineData("SELECT contains_sequence(ARRAY[1, NULL, 3], ARRAY[NULL, 3])", "true")]
    [InlineData("SELECT contains_sequence(ARRAY['a', 'b', 'c'], ARRAY['b', 'c'])", "true")]
    [InlineData("SELECT contains_sequence(CAST(NULL AS ARRAY(integer)), ARRAY[1])", "NULL")]
    public void Contains_sequence_finds_consecutive_elements(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // json.mdx's documented answers: the JSON literal is the parsed value, written canonically.
    [InlineData("SELECT json_format(JSON '{\"a\": 1, \"b\": 2}')", "{\"a\":1,\"b\":2}")]
    [InlineData("SELECT json_format(JSON '[1, 2, 3]')", "[1,2,3]")]
    [InlineData("SELECT json_format(JSON '\"a\"')", "\"a\"")]
    [InlineData("SELECT CAST(JSON '\"abc\"' AS VARCHAR)", "abc")]
    [InlineData("SELECT json_array_length(JSON '[1, 2, 3]')", "3")]
    [InlineData("SELECT json_extract_scalar(JSON '{\"a\": {\"b\": 7}}', '$.a.b')", "7")]
    public void Json_literals_are_canonical_json_values(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // regexp.mdx's documented answers: each match replaced by the lambda over its capture groups.
    [InlineData("SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2]))", "New York")]
    [InlineData("SELECT regexp_replace('once upon a time ...', '^(\\w)(\\w*)(\\s+.*)$',x -> upper(x[1]) || x[2] || x[3])", "Once upon a time ...")]
    [InlineData("SELECT regexp_replace('a1b22c', '(\\d+)', (x) -> '<' || x[1] || '>')", "a<1>b<22>c")]
    [InlineData("SELECT regexp_replace('abc', '\\d', x -> 'n')", "abc")]
    [InlineData("SELECT regexp_replace('1a 2b', '(?:\\d)([a-z])', x -> upper(x[1]))", "A B")]
    // A NULL from the lambda makes the whole value NULL.
    [InlineData("SELECT regexp_replace('a1', '(\\d)', x -> CAST(NULL AS varchar))", "NULL")]
    [InlineData("SELECT regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')", "3ca 3cb 14m")]
    public void Regexp_replace_with_a_lambda_replaces_each_match(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Regexp_replace_with_a_lambda_needs_a_constant_pattern()
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT regexp_replace(s, p, x -> x[1]) FROM (VALUES ('a', 'a')) t(s, p)"));
        Assert.Contains("Function regexp_replace is supported with a lambda only for a constant pattern", e.Error.Message, StringComparison.Ordinal);
    }
}
