using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Application.Ingest;
using Strata.Cli;
using Strata.Core.Ingest;
using Strata.Node.JsonRpc;

namespace Strata.Tests.Ingest;

/// <summary>
/// Ingesting a real anvil node's generated activity (ETH transfers, an ERC-20 and ERC-721-style transfers,
/// internal calls, a revert, transaction types 0/1/2): every stored row equals the node's own JSON-RPC
/// answers, field by field, read with the tests' own client; and DuneSQL queries from Dune's docs, run by the
/// server over the same data directory, answer what the RPC data says.
/// </summary>
public sealed class NodeIngestTests
{
    private const string Chain = "devnet";

    private static string H(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.ToLowerInvariant() : "NULL";

    private static string N(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? EthRpc.BigQuantity(v).ToString(CultureInfo.InvariantCulture) : "NULL";

    private static List<string> Lines(List<string[]> rows) => rows.Select(r => string.Join("|", r)).ToList();

    /// <summary>SQL over one stored table, named <c>t</c>.</summary>
    private static Task<List<string[]>> RowsAsync(IngestHarness h, string table, string sql) =>
        h.QueryAsync(sql.Replace(" FROM t ", $" FROM {Chain}_{table} ", StringComparison.Ordinal), Chain);

    private static string Bin(string column) => $"coalesce('0x' || lower(hex({column})), 'NULL')";

    [Fact]
    public async Task Every_ingested_row_equals_the_nodes_answers_and_Dune_doc_queries_agree_with_the_RPC_data()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(30, cancellationToken: ct);
        long head = await anvil.Rpc.BlockNumberAsync(ct);

        await using var server = await InProcessServer.StartAsync();
        // The CLI's path, into the data directory the running server reads.
        var status = await IngestCommands.RunAsync(server.DataDir, new RpcSettings(anvil.Url) { MaxConcurrency = 4 },
            new IngestRequest(Chain) { BatchBlocks = 7, RequestBlocks = 3 }, NullLoggerFactory.Instance, null, ct);
        Assert.Equal(head, status.LastCommitted);
        Assert.Equal("eth_getBlockReceipts", status.Capabilities!.BlockReceipts ? "eth_getBlockReceipts" : "none");

        // What the node says, read with the tests' own client.
        var blocks = new List<string>();
        var transactions = new List<string>();
        var logs = new List<string>();
        var traces = new List<string>();
        var transfers = new List<string>();
        var perBlock = new List<string>();
        BigInteger maxTransfer = 0;
        for (long n = 0; n <= head; n++)
        {
            var block = (await anvil.Rpc.BlockAsync(n, ct))!.Value;
            var receipts = (await anvil.Rpc.BlockReceiptsAsync(n, ct)).EnumerateArray().ToDictionary(r => H(r, "transactionHash"));
            long time = EthRpc.Quantity(block.GetProperty("timestamp"));
            string baseFee = N(block, "baseFeePerGas");
            blocks.Add(string.Join("|", n, H(block, "hash"), H(block, "parentHash"), time, N(block, "gasLimit"), N(block, "gasUsed"), baseFee,
                H(block, "miner"), H(block, "nonce"), N(block, "size"), N(block, "difficulty")));
            var txs = block.GetProperty("transactions").EnumerateArray().ToList();
            if (txs.Count > 0)
            {
                perBlock.Add($"{n}|{txs.Count}");
            }
            var byIndex = new Dictionary<long, JsonElement>();
            foreach (var tx in txs)
            {
                var r = receipts[H(tx, "hash")];
                long index = EthRpc.Quantity(tx.GetProperty("transactionIndex"));
                byIndex[index] = tx;
                string type = H(tx, "type") switch { "0x0" => "Legacy", "0x1" => "AccessList", "0x2" => "DynamicFee", var t => t };
                var paid = EthRpc.BigQuantity(r.GetProperty("effectiveGasPrice"));
                transactions.Add(string.Join("|", n, index, H(tx, "hash"), H(tx, "from"), H(tx, "to"), N(tx, "value"), N(tx, "gas"), paid, N(r, "gasUsed"),
                    N(tx, "maxFeePerGas"), N(tx, "maxPriorityFeePerGas"), baseFee == "NULL" ? "NULL" : (paid - BigInteger.Parse(baseFee, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                    N(tx, "nonce"), H(r, "status") == "0x1" ? "true" : "false", H(tx, "input"), type,
                    tx.TryGetProperty("accessList", out var al) && type != "Legacy" ? al.GetArrayLength().ToString(CultureInfo.InvariantCulture) : "NULL", time));
                foreach (var log in r.GetProperty("logs").EnumerateArray())
                {
                    var topics = log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!.ToLowerInvariant()).ToList();
                    string data = H(log, "data");
                    logs.Add(string.Join("|", n, N(log, "logIndex"), H(log, "address"), string.Join("|", Enumerable.Range(0, 4).Select(i => i < topics.Count ? topics[i] : "NULL")),
                        data, H(tx, "hash"), index, H(tx, "from"), H(tx, "to")));
                    if (topics.Count == 3 && topics[0] == ChainRows.TransferTopic && data.Length == 66)
                    {
                        var value = BigInteger.Parse("0" + data[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        maxTransfer = BigInteger.Max(maxTransfer, value);
                        transfers.Add(string.Join("|", n, N(log, "logIndex"), H(log, "address"), "0x" + topics[1][26..], "0x" + topics[2][26..], value, H(tx, "hash"), index));
                    }
                }
            }
            foreach (var t in (await anvil.Rpc.TraceBlockAsync(n, ct)).EnumerateArray())
            {
                var a = t.GetProperty("action");
                var result = t.TryGetProperty("result", out var res) && res.ValueKind == JsonValueKind.Object ? res : (JsonElement?)null;
                string kind = t.GetProperty("type").GetString()!;
                string address = "[" + string.Join(", ", t.GetProperty("traceAddress").EnumerateArray().Select(x => x.GetInt64())) + "]";
                string to = kind == "create" ? (result is { } cr ? H(cr, "address") : "NULL") : H(a, "to");
                traces.Add(string.Join("|", n, t.TryGetProperty("transactionPosition", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64().ToString(CultureInfo.InvariantCulture) : "NULL",
                    address, kind, kind == "call" ? H(a, "callType") : "NULL", H(a, "from"), to, N(a, "value"), N(a, "gas"),
                    result is { } r1 ? N(r1, "gasUsed") : "NULL", kind == "create" ? H(a, "init") : H(a, "input"),
                    kind == "call" && result is { } r2 ? H(r2, "output") : "NULL", t.TryGetProperty("error", out var e) ? e.GetString() : "NULL",
                    t.GetProperty("subtraces").GetInt64()));
            }
        }
        Assert.Contains(traces, t => t.Split('|')[2] != "[]");
        Assert.Contains(transactions, t => t.Contains("|false|", StringComparison.Ordinal));
        Assert.NotEmpty(transfers);

        await using var h = await IngestHarness.StartAsync(server.DataDir);
        Assert.Equal(blocks, Lines(await RowsAsync(h, "blocks",
            $"SELECT number, {Bin("hash")}, {Bin("parent_hash")}, epoch(time)::BIGINT, gas_limit, gas_used, base_fee_per_gas, {Bin("miner")}, {Bin("nonce")}, size, difficulty FROM t ORDER BY number")));
        Assert.Equal(transactions, Lines(await RowsAsync(h, "transactions",
            $"SELECT block_number, \"index\", {Bin("hash")}, {Bin("\"from\"")}, {Bin("\"to\"")}, value, gas_limit, gas_price, gas_used, max_fee_per_gas, max_priority_fee_per_gas, "
            + $"priority_fee_per_gas, nonce, CAST(success AS VARCHAR), {Bin("data")}, type, len(access_list), epoch(block_time)::BIGINT FROM t ORDER BY block_number, \"index\"")));
        Assert.Equal(logs, Lines(await RowsAsync(h, "logs",
            $"SELECT block_number, \"index\", {Bin("contract_address")}, {Bin("topic0")}, {Bin("topic1")}, {Bin("topic2")}, {Bin("topic3")}, {Bin("data")}, {Bin("tx_hash")}, tx_index, "
            + $"{Bin("tx_from")}, {Bin("tx_to")} FROM t ORDER BY block_number, \"index\"")));
        Assert.Equal(traces, Lines(await RowsAsync(h, "traces",
            $"SELECT block_number, tx_index, CAST(trace_address AS VARCHAR), type, coalesce(call_type, 'NULL'), {Bin("\"from\"")}, {Bin("\"to\"")}, value, gas, gas_used, {Bin("input")}, "
            + $"{Bin("output")}, coalesce(error, 'NULL'), sub_traces FROM t ORDER BY block_number, tx_index, trace_address")));
        Assert.Equal(transfers, Lines(await RowsAsync(h, "erc20transfers",
            $"SELECT evt_block_number, evt_index, {Bin("contract_address")}, {Bin("\"from\"")}, {Bin("\"to\"")}, value, {Bin("evt_tx_hash")}, evt_tx_index FROM t ORDER BY evt_block_number, evt_index")));

        // Dune's docs (data-catalog/evm/ethereum/raw/transactions.mdx, "Count the number of transactions per block"), on this chain, by any key.
        var perBlockRows = (await server.Bob.RunAsync("SELECT block_number, COUNT(*) FROM devnet.transactions GROUP BY 1 ORDER BY 1 DESC LIMIT 10"))["result"]!["rows"]!.AsArray();
        Assert.Equal(perBlock.AsEnumerable().Reverse().Take(10), perBlockRows.Select(r => $"{r!["block_number"]}|{r["_col1"]}"));
        var max = (await server.Alice.RunAsync("SELECT max(value) AS m, count(*) AS c FROM erc20_devnet.evt_Transfer"))["result"]!["rows"]![0]!;
        Assert.Equal(maxTransfer.ToString(CultureInfo.InvariantCulture), max["m"]!.ToString());
        Assert.Equal(transfers.Count, max["c"]!.GetValue<long>());
        // Chain tables are read by every owner and written by none through the uploads API.
        var (code, body, _) = await server.Alice.PostJsonAsync("/api/v1/table/devnet/blocks/insert", "{}");
        Assert.True(code is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{code} {body}");
    }
}
