using System.Numerics;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 313: decode_evm_event and decode_evm_function_call through the HTTP API over the demo's raw logs and traces,
/// checked against what does not come from the decoder: the demo's decoded tables (erc20_ethereum.evt_Transfer is the
/// decoded Transfer logs of ethereum.logs; uniswap_v2_ethereum.Pair_evt_Swap the pairs' Swap logs, built from dex.trades)
/// and, for calls, the call's input bytes sliced in C#.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class EvmDecodeDemoHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string TransferAbi = """{"anonymous":false,"inputs":[{"indexed":true,"internalType":"address","name":"from","type":"address"},{"indexed":true,"internalType":"address","name":"to","type":"address"},{"indexed":false,"internalType":"uint256","name":"value","type":"uint256"}],"name":"Transfer","type":"event"}""";

    private const string SwapAbi = """{"anonymous":false,"inputs":[{"indexed":true,"name":"sender","type":"address"},{"indexed":false,"name":"amount0In","type":"uint256"},{"indexed":false,"name":"amount1In","type":"uint256"},{"indexed":false,"name":"amount0Out","type":"uint256"},{"indexed":false,"name":"amount1Out","type":"uint256"},{"indexed":true,"name":"to","type":"address"}],"name":"Swap","type":"event"}""";

    [Fact]
    public async Task Decoding_the_transfer_logs_gives_the_decoded_transfer_table()
    {
        string[] csv = await Server.Alice.RunCsvAsync($"""
            WITH d AS (
                SELECT * FROM TABLE(decode_evm_event(abi => '{TransferAbi}',
                    input => TABLE(SELECT * FROM ethereum.logs WHERE topic0 = 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef)))
            )
            SELECT count(*), count(d.tx_hash),
                   count_if(d."from" = e."from" AND d."to" = e."to" AND d.value = e.value AND d.contract_address = e.contract_address)
            FROM erc20_ethereum.evt_Transfer e
            LEFT JOIN d ON d.tx_hash = e.evt_tx_hash AND d."index" = e.evt_index
            """);
        string[] counts = csv[1].Split(',');
        Assert.True(long.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture) > 10, csv[1]);
        Assert.Equal([counts[0], counts[0], counts[0]], counts);
    }

    [Fact]
    public async Task Decoding_the_uniswap_v2_swap_logs_gives_the_decoded_swap_table()
    {
        string[] csv = await Server.Alice.RunCsvAsync($"""
            SELECT count(*), count(d.tx_hash),
                   count_if(d.sender = e.sender AND d."to" = e."to" AND d."amount0In" = e."amount0In" AND d."amount1In" = e."amount1In"
                            AND d."amount0Out" = e."amount0Out" AND d."amount1Out" = e."amount1Out")
            FROM uniswap_v2_ethereum.Pair_evt_Swap e
            LEFT JOIN TABLE(decode_evm_event(abi => '{SwapAbi}', input => TABLE(
                SELECT * FROM ethereum.logs WHERE topic0 = 0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822))) AS d
              ON d.tx_hash = e.evt_tx_hash AND d."index" = e.evt_index
            """);
        string[] counts = csv[1].Split(',');
        Assert.True(long.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture) > 0, csv[1]);
        Assert.Equal([counts[0], counts[0], counts[0]], counts);
    }

    [Fact]
    public async Task The_documented_example_shape_runs_with_renamed_topics_and_data_and_null_on_error_false()
    {
        string[] csv = await Server.Alice.RunCsvAsync($"""
            SELECT *
            FROM TABLE (
                decode_evm_event (
                  abi => '{TransferAbi}',
                  input => TABLE (
                    SELECT topic0 as my_topic_0, topic1 as my_topic_1, topic2 as my_last_topic, data as my_data_column, *
                    FROM ethereum.logs
                    WHERE topic0 = 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef AND topic3 IS NULL
                    LIMIT 20
                  ),
                  topics => DESCRIPTOR(my_topic_0, my_topic_1, my_last_topic),
                  data => DESCRIPTOR(my_data_column),
                  null_on_error => false
                )
              )
            """);
        Assert.StartsWith("from,to,value,my_topic_0,my_topic_1,my_last_topic,my_data_column,", csv[0], StringComparison.Ordinal);
        Assert.Equal(21, csv.Length);
        foreach (string line in csv.Skip(1))
        {
            // from and to are the low 20 bytes of topic1 and topic2; value the data's one word.
            string[] v = line.Split(',');
            Assert.Equal("0x" + v[4][26..], v[0]);
            Assert.Equal("0x" + v[5][26..], v[1]);
            Assert.Equal(BigInteger.Parse("0" + v[6][2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), v[2]);
        }
    }

    [Fact]
    public async Task Decoding_transfer_calls_gives_the_inputs_words_and_the_returned_bool()
    {
        string[] csv = await Server.Alice.RunCsvAsync("""
            SELECT "to", amount, ok, input, output
            FROM TABLE(decode_evm_function_call(
                abi => '{"name":"transfer","type":"function","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"ok","type":"bool"}]}',
                data => TABLE(SELECT * FROM ethereum.traces WHERE starts_with(input, 0xa9059cbb) AND length(input) = 68 LIMIT 50)))
            """);
        Assert.Equal("to,amount,ok,input,output", csv[0]);
        Assert.True(csv.Length > 2, string.Join("\n", csv));
        foreach (string line in csv.Skip(1))
        {
            string[] v = line.Split(',');
            string input = v[3][2..];
            Assert.Equal("0x" + input[(8 + 24)..(8 + 64)], v[0]);
            Assert.Equal(BigInteger.Parse("0" + input[(8 + 64)..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), v[1]);
            string output = v[4].Length > 2 ? v[4][2..] : "";
            Assert.Equal(output.Length == 0 ? "" : BigInteger.Parse("0" + output, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) == 1 ? "true" : "false", v[2]);
        }
    }

    [Fact]
    public async Task A_row_that_does_not_decode_is_null_by_default_and_fails_the_query_with_null_on_error_false()
    {
        // Transfer's value read as a string: the amount word is then the string's offset, and every amount above the
        // data's 32 bytes points past it (a dirty bool is no longer an error, decision 317).
        string abi = TransferAbi.Replace("\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"", "\"name\":\"value\",\"type\":\"string\"", StringComparison.Ordinal);
        Assert.Contains("\"string\"", abi, StringComparison.Ordinal);
        string input = "TABLE(SELECT * FROM ethereum.logs WHERE topic0 = 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef AND topic3 IS NULL AND bytearray_to_uint256(data) > 32)";
        string[] csv = await Server.Alice.RunCsvAsync($"SELECT count(*) > 0, count(value), count(\"from\") FROM TABLE(decode_evm_event(abi => '{abi}', input => {input}))");
        Assert.Equal("true,0,0", csv[1]);
        string message = await Server.Alice.RunToFailureAsync($"SELECT count(*) FROM TABLE(decode_evm_event(abi => '{abi}', input => {input}, null_on_error => false))");
        Assert.Contains("decode_evm_event: a row does not decode with the ABI: an offset", message, StringComparison.Ordinal);
        Assert.Contains("larger than the data's 32 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_abi_is_a_clear_error_at_its_place()
    {
        var (message, line, column) = await Server.Alice.RunToFailureAtAsync(
            "SELECT *\nFROM TABLE(decode_evm_event(abi => '{\"type\":\"event\",\"inputs\":[{\"name\":\"v\",\"type\":\"uint7\"}]}', input => TABLE(ethereum.logs)))");
        Assert.Contains("decode_evm_event: the abi is not a usable event ABI: unknown ABI type 'uint7'", message, StringComparison.Ordinal);
        Assert.Equal((2, 36), (line, column));
    }
}
