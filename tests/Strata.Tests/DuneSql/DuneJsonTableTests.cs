using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's JSON_TABLE (decision 217): the examples of Trino's json.md and its TestJsonTable with their answers, the
/// cowprotocol MEV Blocker shape, ordinality, missing keys, nested paths and plans, empty arrays, NULL and malformed
/// input, the ON EMPTY / ON ERROR clauses, the refusals (PASSING, a specific PLAN) and the bounds.
/// </summary>
public sealed class DuneJsonTableTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    /// <summary>The rows, a row's values joined by '|', rows by ';'.</summary>
    private string Table(string sql) => string.Join(";", db.Rows(sql).Select(r => string.Join("|", r)));

    private QueryFailedException Refused(string sql) => Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));

    private string Failure(string sql) => Assert.ThrowsAny<Exception>(() => db.Rows(sql)).Message;

    [Fact]
    public void Trino_docs_first_example_gives_one_row_per_region()
    {
        // json.md shows the columns as id, child, wiki_data_id and Africa's id as Q1: a slip of the page (the path is
        // $."wikiDataId", the value Q15; the columns are named id, name, wiki_data_id).
        string sql = """
            SELECT * FROM json_table(
                '[{"id":1,"name":"Africa","wikiDataId":"Q15"},{"id":2,"name":"Americas","wikiDataId":"Q828"},
                  {"id":3,"name":"Asia","wikiDataId":"Q48"},{"id":4,"name":"Europe","wikiDataId":"Q51"}]',
                'strict $' COLUMNS (
                  NESTED PATH 'strict $[*]' COLUMNS (
                    id integer PATH 'strict $.id',
                    name varchar PATH 'strict $.name',
                    wiki_data_id varchar PATH 'strict $."wikiDataId"')))
            """;
        Assert.Equal("1|Africa|Q15;2|Americas|Q828;3|Asia|Q48;4|Europe|Q51", Table(sql));
        Assert.Equal(["INTEGER", "VARCHAR", "VARCHAR"], db.Types(sql));
    }

    [Fact]
    public void Trino_docs_continents_example_repeats_the_parent_per_country()
    {
        string sql = """
            SELECT * FROM json_table(
                '[{"continent": "Asia", "countries": [{"name": "Japan", "population": 125.7}, {"name": "Thailand", "population": 71.6}]},
                  {"continent": "Europe", "countries": [{"name": "France", "population": 67.4}, {"name": "Germany", "population": 83.2}]}]',
                'lax $' COLUMNS (
                    NESTED PATH 'lax $[*]' COLUMNS (
                        continent varchar PATH 'lax $.continent',
                        NESTED PATH 'lax $.countries[*]' COLUMNS (
                            country varchar PATH 'lax $.name',
                            population double PATH 'lax $.population'))))
            """;
        Assert.Equal("Asia|Japan|125.7;Asia|Thailand|71.6;Europe|France|67.4;Europe|Germany|83.2", Table(sql));
    }

    [Fact]
    public void Trino_docs_outer_plan_keeps_the_parent_row_when_the_nested_path_is_empty()
    {
        // json.md's PLAN ("root_path" OUTER "nested_path") is the default plan: the same answer, A and null.
        string sql = """
            SELECT * FROM JSON_TABLE('[]', 'lax $' AS "root_path"
                COLUMNS(a varchar(1) PATH 'lax "A"',
                        NESTED PATH 'lax $[*]' AS "nested_path" COLUMNS (b varchar(1) PATH 'lax "B"')))
            """;
        Assert.Equal("A|NULL", Table(sql));
        Assert.Equal("A|NULL", Table(sql.Replace("'lax \"B\"')))", "'lax \"B\"')) PLAN DEFAULT (OUTER))", StringComparison.Ordinal)));
        // TestJsonTable: INNER gives no row (json.md's table for INNER shows a row of nulls; Trino's own test says empty).
        Assert.Equal("", Table(sql.Replace("'lax \"B\"')))", "'lax \"B\"')) PLAN DEFAULT (INNER))", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cowprotocol_shape_numbers_each_bundles_transactions()
    {
        string sql = """
            WITH bundles AS (
                SELECT * FROM (VALUES
                    (1, '[{"hash": "0xaa", "from": "0x01"}, {"hash": "0xbb"}, {"nonce": 3}]'),
                    (2, '[{"hash": "0xcc"}]'),
                    (3, '[]'),
                    (4, CAST(NULL AS varchar))) AS t(id, transactions))
            SELECT mb.id, jt.row_number, jt.hash, FROM_HEX(jt.hash) AS bytes
            FROM bundles AS mb
            CROSS JOIN JSON_TABLE(mb.transactions, 'lax $[*]' COLUMNS(
                row_number for ordinality,
                hash VARCHAR(255) path 'lax $.hash')) AS jt
            ORDER BY 1, 2
            """;
        Assert.Equal("1|1|0xaa|0xaa;1|2|0xbb|0xbb;1|3|NULL|NULL;2|1|0xcc|0xcc", Table(sql));
    }

    [Fact]
    public void Left_join_on_true_keeps_inputs_without_rows_with_nulls()
    {
        string sql = """
            SELECT t.id, j.o, j.v
            FROM (VALUES (1, '[10, 20]'), (2, '[]'), (3, NULL), (4, 'not json')) AS t(id, js)
            LEFT JOIN JSON_TABLE(t.js, 'lax $[*]' COLUMNS (o FOR ORDINALITY, v integer PATH 'lax $')) AS j ON true
            ORDER BY 1, 2
            """;
        Assert.Equal("1|1|10;1|2|20;2|NULL|NULL;3|NULL|NULL;4|NULL|NULL", Table(sql));
    }

    [Fact]
    public void Comma_join_reads_the_earlier_table_laterally_and_an_empty_array_gives_no_rows()
    {
        string sql = """
            SELECT t.id, j.v
            FROM (VALUES (1, '["a", "b"]'), (2, '[]'), (3, '["c"]')) AS t(id, js),
                 JSON_TABLE(js, 'lax $[*]' COLUMNS (v varchar PATH 'lax $')) j
            ORDER BY 1, 2
            """;
        Assert.Equal("1|a;1|b;3|c", Table(sql));
    }

    [Fact]
    public void Trino_test_simple_reads_first_and_last()
    {
        string sql = """
            SELECT first, last
            FROM (SELECT '{"a" : [1, 2, 3], "b" : [4, 5, 6]}') t(json_col), JSON_TABLE(json_col, 'lax $.a'
                COLUMNS(first bigint PATH 'lax $[0]', last bigint PATH 'lax $[last]'))
            """;
        Assert.Equal("1|3", Table(sql));
    }

    [Fact]
    public void Trino_test_join_types()
    {
        const string input = "(VALUES ('[1, 2, 3]'), ('[4, 5, 6, 7, 8]')) t(json_col)";
        const string table = "JSON_TABLE(json_col, 'lax $[4]' COLUMNS(a integer PATH 'lax $'))";
        Assert.Equal("[4, 5, 6, 7, 8]|8", Table($"SELECT * FROM {input}, {table}"));
        Assert.Equal("[4, 5, 6, 7, 8]|8", Table($"SELECT * FROM {input} INNER JOIN {table} ON TRUE"));
        Assert.Equal("[1, 2, 3]|NULL;[4, 5, 6, 7, 8]|8", Table($"SELECT * FROM {input} LEFT JOIN {table} ON TRUE ORDER BY 1"));
    }

    [Fact]
    public void Trino_test_parent_child_relationship()
    {
        const string columns = """
            'lax $' AS "root_path" COLUMNS(
                a varchar(1) PATH 'lax "A"',
                NESTED PATH 'lax $[*]' AS "nested_path_1" COLUMNS (
                    b varchar(1) PATH 'lax "B"',
                    NESTED PATH 'lax $[*]' AS "nested_path_2" COLUMNS(c varchar(1) PATH 'lax "C"')))
            """;
        Assert.Equal("A|B|NULL;A|B|C", Table($"SELECT * FROM JSON_TABLE('[[], [1]]', {columns})"));
        Assert.Equal("A|B|C", Table($"SELECT * FROM JSON_TABLE('[[], [1]]', {columns} PLAN DEFAULT (INNER))"));
    }

    [Fact]
    public void Siblings_are_a_union_by_default_and_a_cross_product_with_plan_default_cross()
    {
        const string columns = """
            'lax $' COLUMNS(
                a varchar(1) PATH 'lax "A"',
                NESTED PATH 'lax $[*]' COLUMNS (b integer PATH 'lax $'),
                NESTED PATH 'lax $[*]' COLUMNS (c varchar PATH 'lax $.type()'))
            """;
        Assert.Equal("A|10|NULL;A|1000|NULL;A|NULL|number;A|NULL|number", Table($"SELECT * FROM JSON_TABLE('[10, 1000]', {columns})"));
        Assert.Equal("A|10|number;A|10|number;A|1000|number;A|1000|number",
            Table($"SELECT * FROM JSON_TABLE('[10, 1000]', {columns} PLAN DEFAULT (OUTER, CROSS))"));
        // One sibling empty: CROSS gives nothing for the parent, which OUTER keeps with nulls.
        Assert.Equal("A|NULL|NULL", Table($"SELECT * FROM JSON_TABLE('[]', {columns} PLAN DEFAULT (CROSS))"));
    }

    [Fact]
    public void Ordinality_restarts_per_parent_item_and_per_input_row()
    {
        string sql = """
            SELECT t.id, j.o, j.x, j.o1
            FROM (VALUES (1, '[["a", "b"], ["c"]]'), (2, '[["d"]]')) t(id, js),
                 JSON_TABLE(js, 'lax $[*]' COLUMNS(o FOR ORDINALITY,
                     NESTED PATH 'lax $[*]' COLUMNS (x varchar PATH 'lax $', o1 FOR ORDINALITY))) j
            ORDER BY 1, 2, 4
            """;
        Assert.Equal("1|1|a|1;1|1|b|2;1|2|c|1;2|1|d|1", Table(sql));
        Assert.Equal(["INTEGER", "BIGINT", "VARCHAR", "BIGINT"], db.Types(sql));
    }

    [Fact]
    public void Implicit_column_path_is_the_upper_cased_name_or_the_quoted_name()
    {
        Assert.Equal("42|true", Table("""SELECT * FROM JSON_TABLE('{"A" : 42, "b" : true}', 'lax $' COLUMNS(a integer, "b" boolean))"""));
        Assert.Equal("empty", Table("""
            SELECT * FROM JSON_TABLE('{"A" : 42, "b" : true}', 'lax $'
                COLUMNS(c varchar (5) DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR))
            """));
    }

    [Fact]
    public void Missing_keys_and_scalars_and_json_nulls_are_null()
    {
        string sql = """
            SELECT * FROM JSON_TABLE('[{"a": 1}, {"b": 2}, 3, null, {"a": null}]', 'lax $[*]'
                COLUMNS (n FOR ORDINALITY, a integer PATH 'lax $.a'))
            """;
        Assert.Equal("1|1;2|NULL;3|NULL;4|NULL;5|NULL", Table(sql));
    }

    [Fact]
    public void Root_path_errors_give_no_rows_unless_error_on_error()
    {
        Assert.Equal("", Table("SELECT * FROM JSON_TABLE('[]', 'strict $[42]' COLUMNS(a integer PATH 'lax 1'))"));
        Assert.Equal("", Table("SELECT * FROM JSON_TABLE('[]', 'strict $[42]' COLUMNS(a integer PATH 'lax 1') EMPTY ON ERROR)"));
        Assert.Contains("JSON_TABLE: path evaluation failed", Failure("SELECT * FROM JSON_TABLE('[]', 'strict $[42]' COLUMNS(a integer PATH 'lax 1') ERROR ON ERROR)"), StringComparison.Ordinal);
        // A nested path's error too (TestJsonTable.testNestedPathErrorHandling).
        Assert.Equal("", Table("""
            SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer PATH 'lax 1',
                NESTED PATH 'strict $[42]' COLUMNS(b integer PATH 'lax 2')) PLAN DEFAULT(INNER))
            """));
    }

    [Fact]
    public void Malformed_json_gives_no_rows_unless_error_on_error()
    {
        Assert.Equal("", Table("SELECT * FROM JSON_TABLE('{not json', 'lax $' COLUMNS(a integer PATH 'lax 1'))"));
        Assert.Contains("JSON_TABLE: malformed JSON input", Failure("SELECT * FROM JSON_TABLE('{not json', 'lax $' COLUMNS(a integer PATH 'lax 1') ERROR ON ERROR)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_input_gives_no_rows()
    {
        Assert.Equal("", Table("SELECT * FROM JSON_TABLE(CAST(NULL AS varchar), 'lax $' COLUMNS(a integer PATH 'lax 1'))"));
        Assert.Equal("", Table("""
            SELECT * FROM (VALUES (CAST(null AS varchar)), (CAST(null AS varchar))) t(json_col),
                JSON_TABLE(json_col, 'lax $' COLUMNS(NESTED PATH 'lax $' COLUMNS(a integer PATH 'lax 1')))
            """));
    }

    [Fact]
    public void Column_errors_follow_the_columns_on_error_then_the_tables()
    {
        // TestJsonTable.testColumnPathErrorHandling.
        Assert.Contains("JSON_TABLE column", Failure("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer PATH 'strict $[42]' ERROR ON ERROR) EMPTY ON ERROR)"), StringComparison.Ordinal);
        Assert.Equal("NULL", Table("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer PATH 'strict $[42]') EMPTY ON ERROR)"));
        Assert.Contains("JSON_TABLE column", Failure("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer PATH 'strict $[42]') ERROR ON ERROR)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Type_conversion_errors_follow_on_error()
    {
        const string input = """'[{"v": "abc"}, {"v": 7}]'""";
        Assert.Equal("NULL;7", Table($"SELECT * FROM JSON_TABLE({input}, 'lax $[*]' COLUMNS(v integer PATH 'lax $.v'))"));
        Assert.Equal("-1;7", Table($"SELECT * FROM JSON_TABLE({input}, 'lax $[*]' COLUMNS(v integer PATH 'lax $.v' DEFAULT -1 ON ERROR))"));
        Assert.Contains("abc", Failure($"SELECT * FROM JSON_TABLE({input}, 'lax $[*]' COLUMNS(v integer PATH 'lax $.v' ERROR ON ERROR))"), StringComparison.Ordinal);
        // An object where a scalar is wanted is an error of the column too.
        Assert.Equal("NULL", Table("""SELECT * FROM JSON_TABLE('[{"v": {"x": 1}}]', 'lax $[*]' COLUMNS(v varchar PATH 'lax $.v'))"""));
    }

    [Fact]
    public void Value_column_coercion_casts_defaults_to_the_declared_type()
    {
        Assert.Equal("3", Table("SELECT * FROM JSON_TABLE('[1, 2, 3]', 'lax $' COLUMNS(a real PATH 'lax $[last]'))"));
        Assert.Equal("42", Table("SELECT * FROM JSON_TABLE('[1, 2, 3]', 'lax $' COLUMNS(a real PATH 'lax $[42]' DEFAULT 42 ON EMPTY))"));
        Assert.Equal("42", Table("SELECT * FROM JSON_TABLE('[1, 2, 3]', 'lax $' COLUMNS(a real PATH 'strict $[42]' DEFAULT 42 ON ERROR))"));
        Assert.Equal("NULL", Table("SELECT * FROM JSON_TABLE('[1, 2, 3]', 'lax $' COLUMNS(a real PATH 'strict $[42]'))"));
        Assert.Equal(["FLOAT"], db.Types("SELECT * FROM JSON_TABLE('[1, 2, 3]', 'lax $' COLUMNS(a real PATH 'lax $[last]'))"));
    }

    /// <summary>A char(n) value column reads as Trino's char(n) (decision 238), as a cast to char(n) does (decision 208): the
    /// item cut to n characters and padded with spaces to n, inside the query too (its length is n), its DEFAULT likewise;
    /// a bare char is char(1); n past Trino's CharType bound is refused as a cast's is.</summary>
    [Fact]
    public void Char_columns_are_cut_and_padded_to_their_length()
    {
        const string input = """'{"a": "hello", "b": "abcdefghij"}'""";
        Assert.Equal("hello  |7|abc|h|hel|ab   |5", Table($"""
            SELECT d, length(d), e, f, v, m, length(m)
            FROM JSON_TABLE({input}, 'lax $' COLUMNS (d char(7) PATH 'lax $.a', e char(3) PATH 'lax $.b', f char PATH 'lax $.a',
                v varchar(3) PATH 'lax $.a', m char(5) PATH 'lax $.missing' DEFAULT 'ab' ON EMPTY))
            """));
        Assert.Equal("hello", Table($"SELECT v FROM JSON_TABLE({input}, 'lax $' COLUMNS (v varchar(9) PATH 'lax $.a'))"));
        var e = Refused("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a char(70000) PATH 'lax $'))");
        Assert.Equal("CHAR length must be in range [0, 65536], got 70000", e.Error.Message);
        Assert.Equal((1, 50), (e.Error.Line, e.Error.Column));
    }

    [Fact]
    public void Format_json_columns_have_json_query_semantics()
    {
        Assert.Equal("""{"a":true}""", Table("""SELECT * FROM JSON_TABLE('[{"a" : true}]', 'lax $' COLUMNS(a varchar(50) FORMAT JSON PATH 'lax $[0]'))"""));
        Assert.Equal("{}", Table("""SELECT * FROM JSON_TABLE('[{"a" : true}]', 'lax $' COLUMNS(a varchar FORMAT JSON PATH 'lax $[42]' EMPTY OBJECT ON EMPTY))"""));
        Assert.Equal("[]", Table("""SELECT * FROM JSON_TABLE('[{"a" : true}]', 'lax $' COLUMNS(a varchar FORMAT JSON PATH 'strict $[42]' EMPTY ARRAY ON ERROR))"""));
        Assert.Equal("[1,2]|NULL|[[1,2]]|\"x\"|x", Table("""
            SELECT * FROM JSON_TABLE('{"k": [1, 2], "s": "x"}', 'lax $' COLUMNS(
                a varchar FORMAT JSON PATH 'lax $.k',
                b varchar FORMAT JSON PATH 'lax $.k[*]',
                c varchar FORMAT JSON PATH 'lax $.k' WITH ARRAY WRAPPER,
                d varchar FORMAT JSON PATH 'lax $.s',
                e varchar FORMAT JSON PATH 'lax $.s' OMIT QUOTES))
            """));
    }

    [Fact]
    public void Arrays_of_scalars_unnest_with_lax_paths()
    {
        Assert.Equal("1|x;2|y;3|z", Table("""SELECT * FROM JSON_TABLE('{"tags": ["x", "y", "z"]}', 'lax $.tags[*]' COLUMNS(i FOR ORDINALITY, t varchar PATH 'lax $'))"""));
        Assert.Equal("1|y;2|z", Table("""SELECT * FROM JSON_TABLE('["x", "y", "z"]', 'lax $[1 to last]' COLUMNS(i FOR ORDINALITY, t varchar PATH 'lax $'))"""));
        Assert.Equal("1|z", Table("""SELECT * FROM JSON_TABLE('["x", "y", "z"]', 'lax $[last]' COLUMNS(i FOR ORDINALITY, t varchar PATH 'lax $'))"""));
        // lax wraps a scalar as a one-element array; .* reads an object's values in order.
        Assert.Equal("1|x", Table("""SELECT * FROM JSON_TABLE('"x"', 'lax $[*]' COLUMNS(i FOR ORDINALITY, t varchar PATH 'lax $'))"""));
        Assert.Equal("1|1;2|2", Table("""SELECT * FROM JSON_TABLE('{"p": 1, "q": 2}', 'lax $.*' COLUMNS(i FOR ORDINALITY, t integer PATH 'lax $'))"""));
    }

    [Theory]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $[$i]' PASSING 1 AS \"i\" COLUMNS(a integer))", "JSON_TABLE: the PASSING clause is not supported", 44)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $' AS \"p\" COLUMNS(a integer) PLAN (\"p\"))", "JSON_TABLE: a specific PLAN (…) is not supported; PLAN DEFAULT (OUTER | INNER, UNION | CROSS) is", 66)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $ + 1' COLUMNS(a integer))", "JSON_TABLE: JSON path arithmetic in a JSON path is not supported (at character 7 of the path)", 32)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a json PATH 'lax $'))", "JSON_TABLE: column a of this type is not supported (a JSON column is written varchar FORMAT JSON)", 50)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer, A varchar))", "All column and path names in JSON_TABLE invocation must be unique", 59)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer, \"A\" varchar))", "All column and path names in JSON_TABLE invocation must be unique", 59)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS(a integer WITH WRAPPER))", "JSON_TABLE: column a: WRAPPER and QUOTES need FORMAT JSON", 58)]
    [InlineData("SELECT * FROM JSON_TABLE('[]', 'lax $')", "JSON_TABLE: expected COLUMNS (…)", 15)]
    public void Constructs_without_trinos_answer_are_refused_by_name_at_their_place(string sql, string message, int column)
    {
        var e = Refused(sql);
        Assert.Equal(message, e.Error.Message);
        Assert.Equal((1, column), (e.Error.Line, e.Error.Column));
    }

    [Fact]
    public void Nested_paths_deeper_than_the_bound_are_refused_with_a_message()
    {
        string columns = "a integer PATH 'lax 1'";
        for (int i = 0; i <= DuneJsonTable.MaxNestedDepth; i++)
        {
            columns = $"NESTED PATH 'lax $' COLUMNS ({columns})";
        }
        var e = Refused($"SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS ({columns}))");
        Assert.Equal($"JSON_TABLE: NESTED PATH nests more than {DuneJsonTable.MaxNestedDepth} levels deep", e.Error.Message);
    }

    [Fact]
    public void Nested_paths_up_to_the_bound_run()
    {
        string columns = "a integer PATH 'lax 1'";
        for (int i = 0; i < DuneJsonTable.MaxNestedDepth; i++)
        {
            columns = $"NESTED PATH 'lax $' COLUMNS ({columns})";
        }
        Assert.Equal("1", Table($"SELECT * FROM JSON_TABLE('[]', 'lax $' COLUMNS ({columns}))"));
    }

    [Fact]
    public void A_cross_product_past_the_row_bound_fails_with_a_message_instead_of_growing()
    {
        // Three siblings of 101 items crossed would be 1,030,301 rows from one input of 400 bytes.
        static string Sql(int items) => $"""
            SELECT count(*) FROM JSON_TABLE('[{string.Join(",", Enumerable.Range(0, items))}]', 'lax $' COLUMNS(
                NESTED PATH 'lax $[*]' COLUMNS (a integer PATH 'lax $'),
                NESTED PATH 'lax $[*]' COLUMNS (b integer PATH 'lax $'),
                NESTED PATH 'lax $[*]' COLUMNS (c integer PATH 'lax $')) PLAN DEFAULT (CROSS))
            """;
        Assert.Contains($"JSON_TABLE: one JSON input gives more than {DuneJsonTable.MaxRows:N0} rows", Failure(Sql(101)), StringComparison.Ordinal);
        Assert.Equal("125000", Table(Sql(50)));
    }

    /// <summary>DuckDB holds the input's text once per row of its JSON_TABLE (the lateral join's key): rows × input bytes
    /// is bounded, so a huge array fails with a message instead of holding hundreds of GB.</summary>
    [Fact]
    public void A_huge_array_fails_with_a_message_and_a_large_one_runs()
    {
        static string Sql(int hundreds) => $"""
            SELECT count(*), sum(v) FROM (SELECT '[' || string_agg(CAST((a - 1) * 100 + b AS varchar), ',') || ']' AS js
                FROM unnest(sequence(1, {hundreds})) AS s(a) CROSS JOIN unnest(sequence(1, 100)) AS u(b)) t,
                JSON_TABLE(js, 'lax $[*]' COLUMNS (v bigint PATH 'lax $'))
            """;
        string message = Failure(Sql(2000));
        Assert.Matches(@"JSON_TABLE: one JSON input of [\d,]+ bytes gives more than [\d,]+ rows, and the engine holds the input once per row: more than 536,870,912 bytes", message);
        Assert.Equal("4000|8002000", Table(Sql(40)));
    }
}

/// <summary>JSON_TABLE through the HTTP API (decision 217), JSON and CSV: the cowprotocol shape over a VALUES table, with
/// ordinality, a missing key's NULL and an input without rows kept by LEFT JOIN … ON true.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneJsonTableHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Json_table_rows_come_back_as_json_and_csv()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT b.id, jt.*
            FROM (VALUES (1, '[{"hash": "0xaa"}, {"from": "0x01"}]'), (2, '[]')) AS b(id, transactions)
            LEFT JOIN JSON_TABLE(b.transactions, 'lax $[*]' COLUMNS(Row_Number FOR ORDINALITY, hash VARCHAR(255) PATH 'lax $.hash')) AS jt ON true
            ORDER BY 1, 2
            """);
        // The declared column type, as Trino names it (decision 227).
        Assert.Equal(["integer", "bigint", "varchar(255)"], types);
        Assert.Equal(["id,row_number,hash", "1,1,0xaa", "1,2,", "2,,"], csv.Where(l => l.Length > 0).ToArray());
        Assert.Equal(1, row["row_number"]!.GetValue<long>());
        Assert.Equal("0xaa", row["hash"]!.GetValue<string>());
    }
}
