namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 325 (docs/notes/dune-wild32.md): two gaps a probe of real queries found.
/// <list type="bullet">
/// <item>The JSON path item method <c>keyvalue()</c>, which dune-docs' json.mdx documents (its example, a sequence of three
/// objects, is the first case) and json.mdx's http_get example uses: Strata refused it at parse time. Trino's
/// PathEvaluationVisitor gives one object <c>{"name", "value", "id"}</c> per member of every object of the sequence, the
/// id numbering the objects from 0 within one evaluation; an item that is no object is an error.</item>
/// <item>A field read from a value that is no row (the Spark-era <c>instructions.executing_account</c> over an array of rows
/// in soltx-protocol's queries): DuckDB's binder text leaked; Trino's ExpressionAnalyzer says "Expression instructions is
/// not of type ROW".</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild32Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string DocsSequence =
        "'[{\"customer\" : 100, \"region\" : \"AFRICA\"}, {\"region\" : \"ASIA\"}, {\"customer\" : 300, \"region\" : \"AFRICA\", \"comment\" : null}]'";

    [Fact]
    public async Task Keyvalue_gives_json_mdx_documented_objects()
    {
        // json.mdx: the six objects, ids 0, 0, 1, 2, 2, 2 (lax mode unwraps the array before the method).
        var rows = await Server.Alice.RunCsvAsync($"SELECT json_query({DocsSequence}, 'lax $.keyvalue()' WITH ARRAY WRAPPER) AS kv");
        Assert.Equal(
            ["kv", "\"[{\"\"name\"\":\"\"customer\"\",\"\"value\"\":100,\"\"id\"\":0},{\"\"name\"\":\"\"region\"\",\"\"value\"\":\"\"AFRICA\"\",\"\"id\"\":0},"
                + "{\"\"name\"\":\"\"region\"\",\"\"value\"\":\"\"ASIA\"\",\"\"id\"\":1},{\"\"name\"\":\"\"customer\"\",\"\"value\"\":300,\"\"id\"\":2},"
                + "{\"\"name\"\":\"\"region\"\",\"\"value\"\":\"\"AFRICA\"\",\"\"id\"\":2},{\"\"name\"\":\"\"comment\"\",\"\"value\"\":null,\"\"id\"\":2}]\""],
            rows);
    }

    [Fact]
    public async Task Keyvalue_members_are_read_by_the_path_and_ids_restart_per_row()
    {
        // Each row's evaluation numbers its own objects from 0; a filter over the members reads "name" and "value".
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT id, json_value(j, 'lax $.keyvalue()?(@.value == 2).name') AS name_of_two, "
            + "json_query(j, 'lax $[*].keyvalue().id' WITH ARRAY WRAPPER) AS ids "
            + "FROM (VALUES (1, '[{\"a\": 1, \"b\": 2}, {\"c\": 3}]'), (2, '{\"x\": 2}')) AS t(id, j) ORDER BY id");
        Assert.Equal(["id,name_of_two,ids", "1,b,\"[0,0,1]\"", "2,x,[0]"], rows);
    }

    [Theory]
    // An item that is no object is an error (json.mdx: "It is required that all items in the input sequence are JSON
    // objects"): NULL by json_query's default ON ERROR, false by json_exists', the clause's answer otherwise.
    [InlineData("SELECT json_query('[1, {\"a\": 1}]', 'lax $.keyvalue()' WITH ARRAY WRAPPER) IS NULL AS r", "true")]
    [InlineData("SELECT json_exists('\"text\"', 'lax $.keyvalue()') AS r", "false")]
    [InlineData("SELECT json_query('{\"a\": [1]}', 'strict $.a.keyvalue()' WITH ARRAY WRAPPER EMPTY ARRAY ON ERROR) AS r", "[]")]
    public async Task Keyvalue_of_an_item_that_is_no_object_is_an_error(string sql, string expected)
    {
        Assert.Equal(["r", expected], await Server.Alice.RunCsvAsync(sql));
    }

    [Theory]
    [InlineData("SELECT x.a FROM (SELECT 1 AS x) AS t", "Expression x is not of type ROW")]
    [InlineData("SELECT instructions.executing_account FROM (SELECT ARRAY[CAST(ROW('p') AS ROW(executing_account varchar))] AS instructions) AS t",
        "Expression instructions is not of type ROW")]
    public async Task A_field_of_a_value_that_is_no_row_is_refused_in_trinos_words(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }
}
