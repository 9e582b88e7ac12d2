using System.Numerics;
using System.Text.Json.Nodes;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 317, the leftovers of decision 314's review of decode_evm_event / decode_evm_function_call. (1) A value word
/// with dirty padding decodes as alloy (its non-validating decode, the default since alloy 1.0) and ethers v6 read it: an
/// intN/uintN is the word's low N bits, an address its low 20 bytes, a bytesN its first N bytes, a bool true when any bit
/// is set; the expected values are computed here from the words by that rule (BigInteger masks), not by the decoder.
/// (2) A call's inputs and outputs decode independently. (3) The functions outside TABLE(…) are refused in Trino's
/// words (its grammar has a table function only inside TABLE(…)). (4) A decoded column named as an input column: both
/// columns are in the result, as Trino's table function result repeats the name (the later one renamed on the wire, as
/// decision 297 names any duplicate). (5) A tuple with two components of one name is refused at the abi.
/// </summary>
public sealed class EvmDecodeReviewTests : IDisposable
{
    private const string TransferTopic = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string Alice = "1111111111111111111111111111111111111111";
    private const string Bob = "2222222222222222222222222222222222222222";

    private readonly DuneSqlDb db = new($"""
        CREATE SCHEMA ethereum;
        CREATE TABLE ethereum.logs AS SELECT * FROM (VALUES
            (1, unhex('{TransferTopic}'), unhex('{new string('f', 24)}{Alice}'), unhex('{"a0" + new string('0', 22)}{Bob}'), NULL::BLOB, unhex('{new string('0', 61)}3e8')))
            t("index", topic0, topic1, topic2, topic3, data);
        CREATE TABLE ethereum.traces AS SELECT * FROM (VALUES
            (1, unhex('a9059cbb{new string('0', 24)}{Bob}{new string('0', 62)}64'), unhex('0000000001')),
            (2, unhex('a905'), unhex('{new string('0', 63)}1')))
            t(id, input, output);
        """);

    public void Dispose() => db.Dispose();

    private const string TransferAbi = """{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"}""";

    private const string TransferCallAbi = """{"name":"transfer","type":"function","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"ok","type":"bool"}]}""";

    /// <summary>The value alloy's and ethers' decoders read from <paramref name="word"/> as <paramref name="type"/>, in the
    /// decoder's JSON spelling (integers as decimal text, bytes as upper-case hex).</summary>
    private static string Expected(string type, string word)
    {
        var bytes = Convert.FromHexString(word);
        Assert.Equal(32, bytes.Length);
        var unsigned = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        if (type == "bool")
        {
            return unsigned.IsZero ? "false" : "true";
        }
        if (type == "address")
        {
            return "\"" + Convert.ToHexString(bytes, 12, 20) + "\"";
        }
        if (type.StartsWith("bytes", StringComparison.Ordinal))
        {
            return "\"" + Convert.ToHexString(bytes, 0, int.Parse(type[5..], System.Globalization.CultureInfo.InvariantCulture)) + "\"";
        }
        bool signed = type.StartsWith("int", StringComparison.Ordinal);
        int bits = int.Parse(type[(signed ? 3 : 4)..], System.Globalization.CultureInfo.InvariantCulture);
        var value = unsigned % (BigInteger.One << bits);
        if (signed && value >= BigInteger.One << (bits - 1))
        {
            value -= BigInteger.One << bits;
        }
        return "\"" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
    }

    [Theory]
    [InlineData("uint8", "ababababababababababababababababababababababababababababababab07")]
    [InlineData("uint24", "1111111111111111111111111111111111111111111111111111111111fffffe")]
    [InlineData("uint160", "0000000000000000000000010000000000000000000000000000000000000005")]
    [InlineData("int8", "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("int16", "1212121212121212121212121212121212121212121212121212121212128001")]
    [InlineData("int64", "ffffffffffffffffffffffffffffffffffffffffffffffff7fffffffffffffff")]
    [InlineData("address", "ffffffffffffffffffffffff3333333333333333333333333333333333333333")]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002")]
    [InlineData("bool", "0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("bytes4", "deadbeefffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("bytes31", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01")]
    public void A_dirty_word_decodes_as_alloy_and_ethers_read_it(string type, string word)
    {
        var spec = EvmDecodeSpec.Parse($"f0n|({type})|()");
        byte[]? json = DuneEvmNative.Decode(spec, Convert.FromHexString("00000000" + word), [], out string? error);
        Assert.True(json is not null, error);
        Assert.Equal("[" + Expected(type, word) + "]", JsonNode.Parse(json)!.ToJsonString());
    }

    [Fact]
    public void Dirty_indexed_addresses_decode_from_their_topics_low_20_bytes()
    {
        Assert.Equal($"0x{Alice} | 0x{Bob} | 1000", string.Join(" | ", db.Rows($"""
            SELECT "from", "to", value FROM TABLE(decode_evm_event(abi => '{TransferAbi}', input => TABLE(ethereum.logs), null_on_error => false))
            """)[0]));
    }

    [Fact]
    public void A_calls_inputs_and_outputs_decode_independently()
    {
        // Row 1: a good input and a 5-byte output (shorter than its bool's word); row 2: an input shorter than its selector
        // and a good output.
        string call = $"TABLE(decode_evm_function_call(abi => '{TransferCallAbi}', data => TABLE(ethereum.traces)))";
        Assert.Equal([$"1 | 0x{Bob} | 100 | NULL", "2 | NULL | NULL | true"],
            db.Rows($"SELECT id, \"to\", amount, ok FROM {call} ORDER BY id").Select(r => string.Join(" | ", r)));
        // With null_on_error => false either part failing fails the query, naming it.
        var e = Assert.ThrowsAny<Exception>(() => db.Rows($"""
            SELECT id, ok FROM TABLE(decode_evm_function_call(abi => '{TransferCallAbi}', data => TABLE(SELECT * FROM ethereum.traces WHERE id = 1), null_on_error => false))
            """));
        Assert.Contains("decode_evm_function_call: a row does not decode with the ABI: a value at byte 0 runs past the data's 5 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // In FROM without TABLE: Trino's relationPrimary has no call there, so the '(' after the name is mismatched input.
    [InlineData("SELECT *\nFROM decode_evm_event(abi => '{\"inputs\":[]}', input => TABLE(ethereum.logs))", "mismatched input '('. decode_evm_event is a table function: call it in FROM as TABLE(decode_evm_event(…))", 2, 22)]
    [InlineData("SELECT *\nFROM ethereum.logs l JOIN decode_evm_function_call('{\"inputs\":[]}', TABLE(ethereum.traces)) d ON true", "mismatched input '('. decode_evm_function_call is a table function", 2, 51)]
    // In an expression: a named argument's => and the reserved word TABLE are mismatched input; a call that parses is an
    // unregistered scalar function.
    [InlineData("SELECT\ndecode_evm_event(abi => '{\"inputs\":[]}', input => TABLE(ethereum.logs)) FROM ethereum.logs", "mismatched input '=>'. decode_evm_event is a table function", 2, 22)]
    [InlineData("SELECT\ndecode_evm_event('{\"inputs\":[]}', TABLE(ethereum.logs)) FROM ethereum.logs", "mismatched input 'TABLE'. decode_evm_event is a table function", 2, 35)]
    [InlineData("SELECT\ndecode_evm_function_call('{\"inputs\":[]}', input) FROM ethereum.traces", "Function 'decode_evm_function_call' not registered. decode_evm_function_call is a table function: call it in FROM as TABLE(decode_evm_function_call(…))", 2, 1)]
    // TABLE(…) in an expression: Trino's grammar has it only as a relation, so the reserved word is mismatched input
    // (decision 328). In FROM, in brackets or after a comma of FROM, it stays a relation.
    [InlineData("SELECT 1,\n  TABLE(decode_evm_event(abi => '{\"inputs\":[]}', input => TABLE(ethereum.logs))) FROM ethereum.logs", "mismatched input 'TABLE'. decode_evm_event is a table function", 2, 3)]
    [InlineData("SELECT 1 FROM ethereum.logs\nWHERE (SELECT count(*) FROM ethereum.logs) > 0 AND TABLE(decode_evm_function_call(abi => '{\"inputs\":[]}', data => TABLE(ethereum.traces))) IS NULL", "mismatched input 'TABLE'. decode_evm_function_call is a table function", 2, 52)]
    // Positional arguments and named ones in one call: StatementAnalyzer refuses the mix at the call.
    [InlineData("SELECT *\nFROM TABLE(decode_evm_event('{\"inputs\":[]}', TABLE(ethereum.logs), topics => DESCRIPTOR(topic0)))", "All arguments must be passed by name or all must be passed positionally", 2, 12)]
    [InlineData("SELECT *\nFROM TABLE(decode_evm_function_call(abi => '{\"inputs\":[]}', TABLE(ethereum.traces)))", "All arguments must be passed by name or all must be passed positionally", 2, 12)]
    public void Outside_table_the_functions_are_refused_in_trinos_words(string sql, string expected, int line, int column)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(expected, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Error.Line, e.Error.Column));
    }

    [Fact]
    public void In_from_in_brackets_and_after_a_comma_the_call_stays_a_relation()
    {
        string call = $"TABLE(decode_evm_event(abi => '{TransferAbi}', input => TABLE(ethereum.logs)))";
        Assert.NotEqual("0", db.Scalar($"SELECT count(*) FROM {call}"));
        Assert.Equal(db.Scalar($"SELECT count(*) FROM {call}"), db.Scalar($"SELECT count(*) FROM ({call})"));
        Assert.Equal(db.Scalar($"SELECT count(*) FROM {call}"), db.Scalar($"SELECT count(*) FROM (SELECT 1) one, {call}"));
    }

    [Fact]
    public void A_decoded_column_named_as_an_input_column_keeps_both_the_decoded_one_first()
    {
        string decoded = """
            TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"name":"data","type":"uint256"}]}',
                input => TABLE(SELECT topic0, data FROM ethereum.logs), topics => DESCRIPTOR(topic0)))
            """;
        // Trino's result (StatementAnalyzer's table function scope): the proper columns, then every input column, names
        // repeated; on the wire the later one is data_1 (decision 297), and its values are the input's bytes.
        Assert.Equal(["data", "topic0", "data_1"], db.Rows("DESCRIBE SELECT * FROM " + decoded).Select(r => r[0]));
        Assert.Equal(["1000", "0x" + new string('0', 61) + "3e8"], db.Rows("SELECT * FROM " + decoded)[0].Where((_, i) => i != 1));
    }

    [Theory]
    [InlineData("""[{"name":"a","type":"uint256"},{"name":"a","type":"bool"}]""", "a")]
    [InlineData("""[{"name":"Amount","type":"uint256"},{"name":"amount","type":"bool"}]""", "amount")]
    [InlineData("""[{"name":"field1","type":"uint256"},{"type":"bool"}]""", "field1")]
    public void A_tuple_with_two_components_of_one_name_is_refused_at_the_abi(string components, string name)
    {
        string sql = $$"""
            SELECT *
            FROM TABLE(decode_evm_event(abi => '{"type":"event","name":"E","inputs":[{"name":"p","type":"tuple","components":{{components}}}]}', input => TABLE(ethereum.logs)))
            """;
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("the abi is not a usable event ABI: a tuple has two components named '", e.Error.Message, StringComparison.Ordinal);
        Assert.Contains(name, e.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, e.Error.Line);
    }
}
