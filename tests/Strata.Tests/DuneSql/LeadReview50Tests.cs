using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The review of decisions 309-313 (decision 314). decode_evm_event's column names are the ABI's names as written, whatever
/// they hold: a quote, <c>error(</c> or the internal prefix <c>_strata_</c> (the translator's rewriting of its own text
/// skipped only single-quoted literals, so such a name came out changed, or failed to bind); an ABI name holding a NUL is
/// refused at the abi, not an internal error; an event without parameters (Paused()) decodes to its input's columns, as
/// Dune's page says the output is the ABI's parameters followed by the input's columns. A bracket constructor nests like
/// a call: 2,000 nested <c>ARRAY[</c> are refused at the expression bound (hostile34's attack round).
/// </summary>
public sealed class LeadReview50Tests : IDisposable
{
    private const string PausedTopic = "62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258"; // keccak256("Paused(address)")

    private readonly DuneSqlDb db = new($"""
        CREATE SCHEMA ethereum;
        CREATE TABLE ethereum.logs AS SELECT * FROM (VALUES
            (1, unhex('{PausedTopic}'), NULL::BLOB, NULL::BLOB, NULL::BLOB, unhex('{new string('0', 24)}{new string('a', 40)}')))
            t("index", topic0, topic1, topic2, topic3, data);
        """);

    public void Dispose() => db.Dispose();

    private List<string> Columns(string sql) => db.Rows("DESCRIBE " + sql).Select(r => r[0]).ToList();

    [Theory]
    [InlineData("it''s")]
    [InlineData("error(x")]
    [InlineData("_strata_x")]
    [InlineData("a\\\"b")]
    public void An_abi_name_is_the_column_name_as_written(string name)
    {
        string expected = name.Replace("''", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
        string abi = $$"""{"type":"event","name":"Paused","inputs":[{"name":"{{name}}","type":"address"}]}""";
        // The user's text holds _strata_ (a column alias), so the translator writes its internal names with another prefix.
        string sql = $"SELECT * FROM TABLE(decode_evm_event(abi => '{abi}', input => TABLE(SELECT \"index\" AS _strata_i, topic0, topic1, topic2, topic3, data FROM ethereum.logs)))";
        var columns = Columns(sql);
        Assert.Equal(expected, columns[0]);
        Assert.Contains("_strata_i", columns);
        Assert.Equal("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", db.Rows(sql)[0][0]);
    }

    [Fact]
    public void An_abi_name_holding_a_nul_is_refused_at_the_abi()
    {
        string sql = """
            SELECT * FROM TABLE(decode_evm_event(
              abi => '{"type":"event","name":"E","inputs":[{"name":"a\u0000b","type":"address"}]}', input => TABLE(ethereum.logs)))
            """;
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("NUL", e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Error.Line);
    }

    [Fact]
    public void An_event_without_parameters_decodes_to_its_inputs_columns()
    {
        string sql = """SELECT * FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"Unpaused","inputs":[]}', input => TABLE(SELECT "index", topic0, data FROM ethereum.logs), topics => DESCRIPTOR(topic0)))""";
        Assert.Equal(["index", "topic0", "data"], Columns(sql));
        // The log has data the event does not declare: it does not fit the ABI, and the row is kept (null_on_error).
        Assert.Equal("1", db.Scalar($"SELECT count(*) FROM ({sql})"));
    }

    [Fact]
    public void Nested_array_constructors_are_refused_at_the_expression_bound()
    {
        string sql = "SELECT " + string.Concat(Enumerable.Repeat("ARRAY[", 2000)) + "1" + new string(']', 2000);
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("nested too deeply", e.Error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // A value only DuckDB's binder types (a map's element, varchar here) compared with a string literal inside TRY: Trino
    // answers; the guard of decisions 307/310 wrote error() there, which DuckDB's TRY refuses when it binds.
    [InlineData("SELECT try(CASE v WHEN '3' THEN 1 ELSE 0 END) FROM (SELECT element_at(MAP(ARRAY['k'], ARRAY['3']), 'k') AS v)", "1")]
    [InlineData("SELECT try(v BETWEEN '1' AND '5') FROM (SELECT element_at(MAP(ARRAY['k'], ARRAY['3']), 'k') AS v)", "true")]
    [InlineData("SELECT try(v IN ('2', '3')) FROM (SELECT element_at(MAP(ARRAY['k'], ARRAY['3']), 'k') AS v)", "true")]
    [InlineData("SELECT try(v > '2') FROM (SELECT element_at(MAP(ARRAY['k'], ARRAY['3']), 'k') AS v)", "true")]
    public void A_text_comparison_inside_try_answers(string sql, string expected)
    {
        Assert.Equal(expected, db.Scalar(sql));
    }
}
