using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Trino's SQL/JSON json_exists, json_query and json_value (Dune's json.mdx examples over its customers table,
/// with the path quoted as Trino requires) and the older json_* functions' Trino answers.</summary>
public sealed class DuneSqlJsonPathTests : IDisposable
{
    private const string Customers = "(VALUES (101, '{\"comment\": \"nice\", \"children\": [10, 13, 16]}'), "
        + "(102, '{\"comment\": \"problematic\", \"children\": [8, 11]}'), (103, '{\"comment\": \"knows best\", \"children\": [2]}')) AS customers(id, description)";

    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private string[] Column(string expression) =>
        db.Rows($"SELECT {expression} FROM {Customers} ORDER BY id").Select(r => r[0]).ToArray();

    [Theory]
    [InlineData("json_exists(description, 'lax $.children[*]?(@ > 10)')", "true,true,false")]
    [InlineData("json_exists(description, 'strict $.children[2]?(@ > 10)' UNKNOWN ON ERROR)", "true,NULL,NULL")]
    [InlineData("json_exists(description, 'strict $.children[2]?(@ > 10)')", "true,false,false")]
    [InlineData("json_query(description, 'lax $.children')", "[10,13,16],[8,11],[2]")]
    [InlineData("json_query(description, 'lax $.children[*]' WITHOUT ARRAY WRAPPER NULL ON ERROR)", "NULL,NULL,2")]
    [InlineData("json_query(description, 'lax $.children[last]' WITH ARRAY WRAPPER)", "[16],[11],[2]")]
    [InlineData("json_query(description, 'strict $.children[*]?(@ > 12)' WITH ARRAY WRAPPER EMPTY ARRAY ON EMPTY)", "[13,16],[],[]")]
    [InlineData("json_query(description, 'strict $.comment' KEEP QUOTES)", "\"nice\",\"problematic\",\"knows best\"")]
    [InlineData("json_query(description, 'strict $.comment' OMIT QUOTES)", "nice,problematic,knows best")]
    [InlineData("json_value(description, 'lax $.comment' RETURNING varchar)", "nice,problematic,knows best")]
    [InlineData("json_value(description, 'lax $.children[0]' RETURNING tinyint)", "10,8,2")]
    [InlineData("json_value(description, 'strict $.children[2]' DEFAULT 'err' ON ERROR)", "16,err,err")]
    [InlineData("json_value(description, 'lax $.children[2]' DEFAULT 'missing' ON EMPTY)", "16,missing,missing")]
    [InlineData("JSON_VALUE(description, 'lax $.children[last - 1]')", "13,8,NULL")]
    [InlineData("json_query(description, 'lax $.children[0 to 1]' WITH CONDITIONAL ARRAY WRAPPER)", "[10,13],[8,11],[2]")]
    [InlineData("json_value(description, 'lax $.children.size()')", "3,2,1")]
    [InlineData("json_value(description, 'lax $.comment.type()')", "string,string,string")]
    [InlineData("json_exists(description, 'lax $?(@.comment starts with \"kn\")')", "false,false,true")]
    [InlineData("json_exists(description, 'lax $?(!exists(@.children[1]) || @.comment == \"nice\")')", "true,false,true")]
    public void Documented_example_gives_documented_answer(string expression, string expected) =>
        Assert.Equal(expected, string.Join(',', Column(expression)));

    [Theory]
    // Lax mode unwraps arrays for a member accessor and wraps a non-array for an array accessor; strict fails (NULL ON ERROR).
    [InlineData("json_value('[{\"a\": 1}]', 'lax $.a')", "1")]
    [InlineData("json_value('[{\"a\": 1}]', 'strict $.a')", "NULL")]
    [InlineData("json_value('{\"a\": 1}', 'lax $[0].a')", "1")]
    [InlineData("json_value('{\"a\": 1}', 'strict $[0].a')", "NULL")]
    [InlineData("json_value('{\"a\": {\"b\": [1, 2, 3]}}', 'lax $.a.b[1]')", "2")]
    [InlineData("json_value('{\"a b\": true}', 'lax $.\"a b\"')", "true")]
    [InlineData("json_value('{\"a\": null}', 'lax $.a')", "NULL")]
    [InlineData("json_value('{\"a\": [1]}', 'lax $.a')", "NULL")] // not a scalar: an error, NULL ON ERROR
    [InlineData("json_value('{\"a\": [1]}', 'lax $.a' ERROR ON ERROR)", "ERROR")]
    [InlineData("json_value('not json', 'lax $.a')", "NULL")]
    [InlineData("json_exists('not json', 'lax $.a')", "false")]
    [InlineData("json_value(CAST(NULL AS varchar), 'lax $.a')", "NULL")]
    [InlineData("json_query('{\"a\": {\"b\": \"é\"}}', 'lax $.a')", "{\"b\":\"é\"}")]
    [InlineData("json_query('{\"id\": 1, \"notes\": [{\"comment\": \"foo\"}, {\"comment\": null}], \"comment\": [\"bar\", \"baz\"]}', 'lax $..comment' WITH ARRAY WRAPPER)",
        "[[\"bar\",\"baz\"],\"foo\",null]")]
    [InlineData("json_value('{\"a\": 1}', 'lax $.b' ERROR ON EMPTY)", "ERROR")]
    [InlineData("json_value('{\"price\": 12.5}', 'lax $.price' RETURNING double)", "12.5")]
    [InlineData("json_value('{\"price\": \"x\"}', 'lax $.price' RETURNING double DEFAULT -1 ON ERROR)", "-1")]
    public void Path_modes_and_clauses_follow_Trino(string expression, string expected)
    {
        string actual;
        try
        {
            actual = db.Scalar("SELECT " + expression);
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            actual = "ERROR";
        }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("SELECT json_value('{}', 'lax $.a + 1')", "arithmetic")]
    [InlineData("SELECT json_value('{}', 'lax $.a' PASSING 1 AS x)", "PASSING")]
    [InlineData("SELECT json_value('{}', 'lax $.datetime()')", "datetime()")]
    [InlineData("SELECT json_value('{}', x) FROM (VALUES ('$.a')) t(x)", "string literal")]
    [InlineData("SELECT json_query('{}', 'lax $.a' RETURNING bigint)", "RETURNING")]
    [InlineData("SELECT json_value('{}', 'lax $[')", "JSON path")]
    public void Paths_and_clauses_outside_the_subset_are_refused_naming_them(string sql, string part)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(part, e.Error.Message, StringComparison.Ordinal);
        Assert.Contains("json_", e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Trino's json.mdx examples of the older functions.
    [InlineData("SELECT json_extract_scalar('[1, 2, 3]', '$[2]')", "3")]
    [InlineData("SELECT json_array_length('[1, 2, 3]')", "3")]
    [InlineData("SELECT json_array_contains('[1, 2, 3]', 2)", "true")]
    [InlineData("SELECT is_json_scalar('1')", "true")]
    [InlineData("SELECT is_json_scalar('[1, 2, 3]')", "false")]
    [InlineData("SELECT json_format(json_parse('[1, 2, 3]'))", "[1,2,3]")]
    [InlineData("SELECT json_format(json_parse('{\"a\": 1, \"b\": 2}'))", "{\"a\":1,\"b\":2}")]
    // json.mdx: CAST(json AS varchar) gives a scalar's value; an object or array is an error (DuneSqlMoreTests).
    [InlineData("SELECT CAST(json_extract('{\"a\": {\"b\": \"x\"}}', '$.a.b') AS varchar)", "x")]
    public void Older_json_functions_give_Trino_answers(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));
}
