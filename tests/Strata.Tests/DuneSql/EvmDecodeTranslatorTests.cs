using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 313: Dune's decode_evm_event and decode_evm_function_call (query-engine/Functions-and-operators/
/// evm-decoding-functions.mdx) translated and run in process over hand-written logs and traces: the columns' names, order
/// and types (indexed inputs first, <c>_arg{i}</c>/<c>_input{i}</c>/<c>_output{i}</c> for unnamed ones, a later duplicate
/// name wins, every input column after them), the arguments named and positional, descriptors, null_on_error, aliases,
/// joins and CTEs, and each refusal naming its problem at the user's position.
/// </summary>
public sealed class EvmDecodeTranslatorTests : IDisposable
{
    private const string TransferTopic = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string Alice = "000000000000000000000000" + "1111111111111111111111111111111111111111";
    private const string Bob = "000000000000000000000000" + "2222222222222222222222222222222222222222";

    private readonly DuneSqlDb db = new($"""
        CREATE SCHEMA ethereum;
        CREATE TABLE ethereum.logs AS SELECT * FROM (VALUES
            (1, unhex('{TransferTopic}'), unhex('{Alice}'), unhex('{Bob}'), NULL::BLOB, unhex('{new string('0', 61)}3e8')),
            (2, unhex('{TransferTopic}'), unhex('{Alice}'), unhex('{Bob}'), unhex('{new string('0', 63)}7'), ''::BLOB),
            (3, unhex('{TransferTopic}'), unhex('{Alice}'), unhex('{Bob}'), NULL::BLOB, unhex('{new string('0', 63)}')))
            t("index", topic0, topic1, topic2, topic3, data);
        CREATE TABLE ethereum.traces AS SELECT * FROM (VALUES
            (1, unhex('a9059cbb{Bob}{new string('0', 62)}64'), unhex('{new string('0', 63)}1')),
            (2, unhex('a9059cbb{Bob}{new string('0', 62)}65'), ''::BLOB),
            (3, unhex('a905'), NULL::BLOB))
            t(id, input, output);
        """);

    public void Dispose() => db.Dispose();

    private const string TransferAbi = """{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"}""";

    private static string Transfer(string input = "TABLE(ethereum.logs)", string more = "") =>
        $"TABLE(decode_evm_event(abi => '{TransferAbi}', input => {input}{more}))";

    private const string TransferCallAbi = """{"name":"transfer","type":"function","inputs":[{"name":"to","type":"address"},{"name":"","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]}""";

    private List<string> Described(string sql) => db.Rows("DESCRIBE " + sql).Select(r => r[0] + " " + r[1]).ToList();

    [Fact]
    public void An_events_columns_are_its_parameters_indexed_first_then_every_input_column()
    {
        Assert.Equal(["from BLOB", "to BLOB", "value uint256", "index INTEGER", "topic0 BLOB", "topic1 BLOB", "topic2 BLOB", "topic3 BLOB", "data BLOB"],
            Described("SELECT * FROM " + Transfer()));
        // Unnamed parameters are _arg{i} by their place in the ABI, the indexed one still first.
        Assert.Equal(["_arg1 BLOB", "_arg0 BIGINT", "index INTEGER"], Described("""
            SELECT * FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"type":"int64"},{"type":"address","indexed":true}]}',
                input => TABLE(SELECT "index", topic0, topic1, data FROM ethereum.logs), topics => DESCRIPTOR(topic0, topic1)))
            """).Where(c => c.StartsWith('_') || c.StartsWith("index", StringComparison.Ordinal)));
    }

    [Fact]
    public void Transfer_logs_decode_from_their_topics_and_data_and_a_log_of_another_shape_is_null()
    {
        // Row 2 has a fourth topic and no data (an ERC-721 Transfer): it does not decode with the ERC-20 ABI.
        Assert.Equal(
            ["1 | 0x1111111111111111111111111111111111111111 | 0x2222222222222222222222222222222222222222 | 1000",
             "2 | NULL | NULL | NULL",
             "3 | 0x1111111111111111111111111111111111111111 | 0x2222222222222222222222222222222222222222 | 0"],
            db.Rows($"SELECT \"index\", \"from\", \"to\", value FROM {Transfer()} ORDER BY 1").Select(r => string.Join(" | ", r)));
    }

    [Fact]
    public void Arguments_may_be_positional_a_table_by_name_or_a_query_and_the_call_aliased_joined_and_in_a_cte()
    {
        string positional = $"SELECT count(value) FROM TABLE(decode_evm_event('{TransferAbi}', TABLE(SELECT * FROM ethereum.logs WHERE \"index\" <> 2)))";
        Assert.Equal("2", db.Scalar(positional));
        Assert.Equal("1000", db.Scalar($"""
            WITH d AS (SELECT * FROM {Transfer()})
            SELECT max(t.value) FROM d AS t JOIN ethereum.logs l ON l."index" = t."index" AND l.topic1 = t.topic1
            """));
        Assert.Equal("1000", db.Scalar($"SELECT x.value FROM {Transfer()} x WHERE x.\"index\" = 1"));
    }

    [Fact]
    public void Descriptors_name_the_topic_and_data_columns_and_null_topics_are_left_out()
    {
        // Dune's second documented example: renamed topic and data columns; topic3 (NULL here) is not among them.
        Assert.Equal("0x2222222222222222222222222222222222222222,1000", string.Join(",", db.Rows($"""
            SELECT "to", value FROM TABLE(decode_evm_event(abi => '{TransferAbi}',
                input => TABLE(SELECT topic0 AS my_topic_0, topic1 AS my_topic_1, topic2 AS my_last_topic, data AS my_data_column, * FROM ethereum.logs WHERE "index" = 1),
                topics => DESCRIPTOR(my_topic_0, my_topic_1, my_last_topic), data => DESCRIPTOR(my_data_column), null_on_error => false))
            """)[0]));
    }

    [Fact]
    public void Null_on_error_false_fails_the_query_naming_the_cause()
    {
        // count(*) reads no decoded column, and still every row is decoded.
        var e = Assert.ThrowsAny<Exception>(() => db.Rows($"SELECT count(*) FROM {Transfer(more: ", null_on_error => false")}"));
        Assert.Contains("decode_evm_event: a row does not decode with the ABI: the log has 4 topics where the event has 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_calls_inputs_and_outputs_decode_after_the_selector()
    {
        string sql = $"SELECT * FROM TABLE(decode_evm_function_call(abi => '{TransferCallAbi}', data => TABLE(ethereum.traces)))";
        Assert.Equal(["to BLOB", "_input1 uint256", "_output0 BOOLEAN", "id INTEGER", "input BLOB", "output BLOB"], Described(sql));
        Assert.Equal(
            ["0x2222222222222222222222222222222222222222 | 100 | true | 1", "0x2222222222222222222222222222222222222222 | 101 | NULL | 2", "NULL | NULL | NULL | 3"],
            db.Rows($"SELECT \"to\", _input1, _output0, id FROM ({sql}) ORDER BY id").Select(r => string.Join(" | ", r)));
    }

    [Fact]
    public void Of_two_parameters_with_one_name_the_later_is_kept()
    {
        Assert.Equal(["X BOOLEAN", "id INTEGER", "input BLOB", "output BLOB"], Described("""
            SELECT * FROM TABLE(decode_evm_function_call(abi => '{"type":"function","name":"f","inputs":[{"name":"x","type":"address"}],"outputs":[{"name":"X","type":"bool"}]}', data => TABLE(ethereum.traces)))
            """));
    }

    [Fact]
    public void A_parameter_named_as_an_input_column_and_an_input_column_named_as_the_rewrites_own_are_both_kept()
    {
        // Pass-through keeps every input column even when a decoded one has its name (DuckDB names the input's second
        // one data_1, where Trino repeats the name); the rewrite's helper names give way to the user's (InternalNames).
        Assert.Equal(["data uint256", "_strata_evm_row INTEGER", "topic0 BLOB", "data_1 BLOB"], Described("""
            SELECT * FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"name":"data","type":"uint256"}]}',
                input => TABLE(SELECT 5 AS _strata_evm_row, topic0, data FROM ethereum.logs), topics => DESCRIPTOR(topic0)))
            """));
        Assert.Equal("1000,5", string.Join(",", db.Rows("""
            SELECT * FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"name":"data","type":"uint256"}]}',
                input => TABLE(SELECT 5 AS _strata_evm_row, topic0, data FROM ethereum.logs WHERE "index" = 1), topics => DESCRIPTOR(topic0)))
            """)[0][..2]));
    }

    [Fact]
    public void Tuples_are_rows_and_arrays_are_arrays_of_the_components_types()
    {
        Assert.Equal(["p STRUCT(a uint256, b VARCHAR[], field2 STRUCT(c BOOLEAN))[]"], Described("""
            SELECT p FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"name":"p","type":"tuple[]","components":[{"name":"a","type":"uint128"},{"name":"b","type":"string[2]"},{"type":"tuple","components":[{"name":"c","type":"bool"}]}]}]}', input => TABLE(ethereum.logs)))
            """));
    }

    [Theory]
    [InlineData("abi => '{\"type\":\"event\",\"inputs\":[}', input => TABLE(ethereum.logs)", "the abi is not a usable event ABI: its JSON is malformed")]
    [InlineData("abi => '{\"type\":\"event\",\"inputs\":[{\"name\":\"v\",\"type\":\"uint7\"}]}', input => TABLE(ethereum.logs)", "unknown ABI type 'uint7'")]
    [InlineData("abi => '{\"type\":\"function\",\"inputs\":[]}', input => TABLE(ethereum.logs)", "its type is 'function', not 'event'")]
    [InlineData("abi => lower('{}'), input => TABLE(ethereum.logs)", "abi must be a constant string")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', table => TABLE(ethereum.logs)", "has no argument 'table'")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}'", "needs the arguments abi => '<json>' and input => TABLE(…)")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', input => ethereum.logs", "input must be TABLE(<query or table name>)")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', input => TABLE(ethereum.logs), topics => topic0", "topics must be DESCRIPTOR(column, …)")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', input => TABLE(ethereum.logs), data => DESCRIPTOR(data, topic0)", "data names exactly 1 column")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', input => TABLE(ethereum.logs), null_on_error => 1", "null_on_error must be true or false")]
    [InlineData("abi => '{\"inputs\":[{\"type\":\"bool\"}]}', input => TABLE(ethereum.logs), input => TABLE(ethereum.logs)", "the argument input is given twice")]
    public void A_bad_call_is_refused_naming_its_problem_where_it_is(string arguments, string expected)
    {
        string sql = $"SELECT *\nFROM TABLE(decode_evm_event({arguments}))";
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(expected, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Error.Line);
    }
}
