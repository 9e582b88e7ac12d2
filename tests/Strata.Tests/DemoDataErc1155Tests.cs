using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;
using static Strata.Tests.AbiWords;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables21: ERC-1155 mints and transfers on the demo chain and Dune's decoded <c>erc1155_ethereum.evt_TransferSingle</c> /
/// <c>evt_TransferBatch</c>, checked against what is computed here from the raw rows: the calls' calldata as the ABI encodes OpenZeppelin's
/// mint / mintBatch and the standard's safeTransferFrom / safeBatchTransferFrom, the logs' topics and data words, and the balances those
/// events imply when replayed in order.
/// </summary>
public sealed class DemoDataErc1155Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, "
        + "operator varbinary, from varbinary, to varbinary";

    // keccak-256 of TransferSingle(address,address,address,uint256,uint256) and TransferBatch(address,address,address,uint256[],uint256[]),
    // as public ERC-1155 indexers and bindings write them
    private const string SingleTopic = "C3D58168C5AE7397731D063D5BBF3D657854427343F4C083240F7AACAA2D0F62";
    private const string BatchTopic = "4A39DC06D4C0DBC64B70AF90FD698A233A518AA5D07E595D983B8C0526C8F7FB";
    private const string Zero = "0000000000000000000000000000000000000000";

    // mint(address,uint256,uint256,bytes), mintBatch(address,uint256[],uint256[],bytes) (OpenZeppelin's ERC1155 presets),
    // safeTransferFrom(address,address,uint256,uint256,bytes), safeBatchTransferFrom(address,address,uint256[],uint256[],bytes) (EIP-1155)
    private const string Mint = "731133E9", MintBatch = "1F7FDFFA", Send = "F242432A", SendBatch = "2EB2C2D6";

    public static TheoryData<string, string> Schemas => new()
    {
        // Dune's decoded tables: the evt_* columns, then the event's parameters in the ABI's order (spellbook's evms_erc1155_transfers* read them)
        { "erc1155_ethereum.evt_TransferSingle", Evt + ", id uint256, value uint256" },
        { "erc1155_ethereum.evt_TransferBatch", Evt + ", ids array(uint256), values array(uint256)" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Erc1155_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>A transfer as its call (or its log) gives it.</summary>
    internal sealed record Move(string Collection, string From, string To, bool Batch, List<BigInteger> Ids, List<BigInteger> Values);

    /// <summary>Decodes one of the four calls by <paramref name="sender"/>: a mint is from the zero address.</summary>
    private static Move Call(string collection, string sender, byte[] d)
    {
        string selector = Convert.ToHexString(d.AsSpan(0, 4));
        var a = d[4..];
        return selector switch
        {
            Mint => new(collection, Zero, Addr(a, 0), false, [Big(a, 32)], [Big(a, 64)]),
            MintBatch => new(collection, Zero, Addr(a, 0), true, Words(a, Int(a, 32)), Words(a, Int(a, 64))),
            Send => new(collection, Addr(a, 0), Addr(a, 32), false, [Big(a, 64)], [Big(a, 96)]),
            SendBatch => new(collection, Addr(a, 0), Addr(a, 32), true, Words(a, Int(a, 64)), Words(a, Int(a, 96))),
            _ => throw new InvalidOperationException(selector),
        };
    }

    /// <summary>Decodes a TransferSingle / TransferBatch log: (operator, the move).</summary>
    private static (string Operator, Move Move) Log(string contract, string topic0, string t1, string t2, string t3, byte[] d) =>
        topic0 == SingleTopic
            ? (t1[24..], new Move(contract, t2[24..], t3[24..], false, [Big(d, 0)], [Big(d, 32)]))
            : (t1[24..], new Move(contract, t2[24..], t3[24..], true, Words(d, Int(d, 0)), Words(d, Int(d, 32))));

    private static void AssertSame(Move expected, Move actual)
    {
        Assert.Equal((expected.Collection, expected.From, expected.To, expected.Batch), (actual.Collection, actual.From, actual.To, actual.Batch));
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Values, actual.Values);
    }

    /// <summary>
    /// Every transaction calling one of the four functions: its calldata is the ABI's (the offsets, lengths and the empty bytes), a mint
    /// is to its sender and a transfer from it; a successful one logs exactly its event (single or batch as its call) with the sender as
    /// operator and the call's ids and values; a failed one logs nothing. Replayed in block and log order, no balance goes below zero,
    /// no id is minted twice, a transfer sends ids its sender minted; there are single and batch mints and transfers.
    /// </summary>
    [Fact]
    public void Erc1155_calls_log_their_transfers_and_no_balance_goes_below_zero()
    {
        var calls = fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), hex("to"), hex(data) FROM ethereum.transactions
            WHERE substr(hex(data), 1, 8) IN ('{Mint}', '{MintBatch}', '{Send}', '{SendBatch}')
            ORDER BY block_number, "index"
            """);
        var logs = fixture.Rows($"""
            SELECT hex(tx_hash), hex(contract_address), hex(topic0), hex(topic1), hex(topic2), hex(topic3), hex(data)
            FROM ethereum.logs WHERE topic0 IN (unhex('{SingleTopic}'), unhex('{BatchTopic}')) ORDER BY block_number, "index"
            """);
        var byTx = logs.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var balances = new Dictionary<(string, BigInteger, string), BigInteger>();
        var minted = new Dictionary<(string, BigInteger), string>();
        var mintedBy = new Dictionary<(string, BigInteger), string>();
        var kinds = new HashSet<string>();
        int succeeded = 0;
        foreach (var c in calls)
        {
            byte[] d = Convert.FromHexString(c[4]);
            string selector = c[4][..8], sender = c[2];
            var move = Call(c[3], sender, d);
            kinds.Add(selector);
            // the ABI's layout: dynamic arguments' offsets after the head, the arrays one after the other, then empty bytes
            int head = selector is Mint or MintBatch ? 4 * 32 : 5 * 32;
            int n = move.Ids.Count;
            Assert.Equal(move.Values.Count, n);
            Assert.Equal(4 + head + (move.Batch ? 2 * 32 * (n + 1) : 0) + 32, d.Length);
            if (move.Batch)
            {
                Assert.InRange(n, 2, 4);  // two or three ids, a transfer's first one repeated
                Assert.Equal(head, Int(d, 4 + head - 96));
                Assert.Equal(head + 32 * (n + 1), Int(d, 4 + head - 64));
            }
            Assert.Equal(head + (move.Batch ? 2 * 32 * (n + 1) : 0), Int(d, 4 + head - 32));  // the bytes' offset
            Assert.Equal(BigInteger.Zero, Big(d, d.Length - 32));  // no data
            if (move.From == Zero)
            {
                Assert.Equal(sender, move.To);  // a wallet mints to itself
            }
            else
            {
                Assert.Equal(sender, move.From);
            }
            if (c[1] != "True")
            {
                Assert.False(byTx.ContainsKey(c[0]), "a failed call logs nothing");
                continue;
            }
            succeeded++;
            var l = Assert.Single(byTx[c[0]]);
            Assert.Equal(move.Batch ? BatchTopic : SingleTopic, l[2]);
            var (op, logged) = Log(l[1], l[2], l[3], l[4], l[5], Convert.FromHexString(l[6]));
            Assert.Equal(sender, op);
            AssertSame(move, logged);
            for (int j = 0; j < n; j++)
            {
                var id = (move.Collection, move.Ids[j]);
                Assert.True(move.Values[j] > 0 || (move.Batch && move.From != Zero), "a mint or single transfer moves some units");
                if (move.From == Zero)
                {
                    // an id is minted by one transaction only (a batch may name it twice)
                    Assert.True(minted.TryAdd(id, sender) || mintedBy[id] == c[0], $"{id} minted twice");
                    mintedBy[id] = c[0];
                }
                else
                {
                    Assert.True(minted.TryGetValue(id, out string? minter) && minter == sender, $"{c[0]}: {id} not minted by its sender");
                    var from = (move.Collection, move.Ids[j], move.From);
                    BigInteger left = balances.GetValueOrDefault(from) - move.Values[j];
                    Assert.True(left >= 0, $"{c[0]}: {move.From} sends {move.Values[j]} of {id}, more than it holds");
                    balances[from] = left;
                }
                var to = (move.Collection, move.Ids[j], move.To);
                balances[to] = balances.GetValueOrDefault(to) + move.Values[j];
            }
        }
        // Only the four calls, and both mints and transfers; which single/batch forms a small demo draws is chance (a CI run
        // at the test scale drew no safeBatchTransferFrom), so each form is not required.
        Assert.Subset(new HashSet<string>([Mint, MintBatch, Send, SendBatch]), kinds.ToHashSet());
        Assert.True(kinds.Contains(Mint) || kinds.Contains(MintBatch), "some ERC-1155 call mints");
        Assert.True(kinds.Contains(Send) || kinds.Contains(SendBatch), "some ERC-1155 call transfers");
        Assert.True(succeeded >= 20, $"{succeeded} successful ERC-1155 calls");
        Assert.Equal(succeeded, logs.Count);  // every ERC-1155 event is one of these calls'
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"SELECT count(*) FROM base.logs WHERE topic0 IN (unhex('{SingleTopic}'), unhex('{BatchTopic}'))"),
            CultureInfo.InvariantCulture));  // Ethereum's only
    }

    /// <summary>The decoded tables: one row a log of their event, with the log's evt_* columns and its topics and data decoded here.</summary>
    [Fact]
    public void Decoded_erc1155_tables_are_the_transfer_logs()
    {
        var logs = fixture.Rows($"""
            SELECT hex(tx_hash), "index", hex(contract_address), hex(topic0), hex(topic1), hex(topic2), hex(topic3), hex(data),
                   hex(tx_from), hex(tx_to), tx_index, block_number, epoch_ms(block_time), block_date
            FROM ethereum.logs WHERE topic0 IN (unhex('{SingleTopic}'), unhex('{BatchTopic}')) ORDER BY block_number, "index"
            """);
        string Evt(string t) => $"""
            SELECT hex(evt_tx_hash), evt_index, hex(contract_address), hex(operator), hex("from"), hex("to"), {t},
                   hex(evt_tx_from), hex(evt_tx_to), evt_tx_index, evt_block_number, epoch_ms(evt_block_time), evt_block_date
            """;
        var rows = fixture.Rows(Evt("CAST(id AS VARCHAR), CAST(value AS VARCHAR)") + " FROM erc1155_ethereum.\"evt_TransferSingle\"")
            .Concat(fixture.Rows(Evt("array_to_string(list_transform(ids, lambda x: CAST(x AS VARCHAR)), ','), "
                                     + "array_to_string(list_transform(\"values\", lambda x: CAST(x AS VARCHAR)), ',')") + " FROM erc1155_ethereum.\"evt_TransferBatch\""))
            .ToDictionary(r => (r[0], r[1]));
        Assert.Equal(logs.Count, rows.Count);
        Assert.Contains(logs, l => l[3] == SingleTopic);
        Assert.Contains(logs, l => l[3] == BatchTopic);
        foreach (var l in logs)
        {
            var (op, m) = Log(l[2], l[3], l[4], l[5], l[6], Convert.FromHexString(l[7]));
            var r = rows[(l[0], l[1])];
            Assert.Equal([l[2], op, m.From, m.To, string.Join(',', m.Ids), string.Join(',', m.Values)], r[2..8]);
            Assert.Equal(l[8..14], r[8..14]);  // tx_from, tx_to, tx_index, block number, time, date
        }
    }

    /// <summary>
    /// nft.transfers' ERC-1155 rows as spellbook's nft_transfers macro gives them, computed here from the raw logs: a TransferSingle log one
    /// row (its id and value), a TransferBatch log one row per distinct (id, value) pair of its two arrays read position by position, those of
    /// value zero left out (the data has both a repeated pair and a zero value); the block's time, date and month, the log's index, contract and
    /// from / to, the sender of the transaction (ethereum.transactions) and its hash.
    /// Every transfer's collection is in tokens.nft with its standard, and the ERC-1155 collections are those that logged these events.
    /// </summary>
    [Fact]
    public void Nft_transfers_erc1155_rows_are_the_transfer_logs()
    {
        var logs = fixture.Rows($"""
            SELECT hex(l.tx_hash), l."index", hex(l.contract_address), hex(topic0), hex(topic1), hex(topic2), hex(topic3), hex(l.data),
                   hex(t."from"), l.block_number, epoch_ms(l.block_time), CAST(l.block_date AS VARCHAR)
            FROM ethereum.logs l JOIN ethereum.transactions t ON t.hash = l.tx_hash AND t.block_number = l.block_number
            WHERE topic0 IN (unhex('{SingleTopic}'), unhex('{BatchTopic}'))
            """);
        Assert.True(logs.Count >= 20, $"{logs.Count} ERC-1155 logs");
        var expected = new List<string>();
        int repeated = 0, zeros = 0;
        foreach (var l in logs)
        {
            var (_, m) = Log(l[2], l[3], l[4], l[5], l[6], Convert.FromHexString(l[7]));
            var all = m.Ids.Zip(m.Values).ToList();
            repeated += all.Count - all.Distinct().Count();
            zeros += m.Batch ? all.Count(p => p.Second.IsZero) : 0;
            var date = DateOnly.ParseExact(l[11], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            string month = new DateOnly(date.Year, date.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pairs = m.Ids.Zip(m.Values).Distinct().Where(p => !m.Batch || p.Second > 0);
            foreach (var (id, value) in pairs)
            {
                string uid = $"ethereum-{l[0].ToLowerInvariant()}-{l[1]}-{id.ToString(CultureInfo.InvariantCulture)}-{value.ToString(CultureInfo.InvariantCulture)}";
                expected.Add(string.Join('|', "ethereum", l[10], month, l[11], l[9], "erc1155", m.Batch ? "batch" : "single", l[1], l[2],
                    id.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture), m.From, m.To, l[8], l[0], uid));
            }
        }
        var rows = fixture.Rows("""
            SELECT blockchain, epoch_ms(block_time), CAST(block_month AS VARCHAR), CAST(block_date AS VARCHAR), block_number, token_standard, transfer_type,
                   evt_index, hex(contract_address), CAST(token_id AS VARCHAR), CAST(amount AS VARCHAR), hex("from"), hex("to"), hex(executed_by),
                   hex(tx_hash), unique_transfer_id
            FROM nft.transfers WHERE token_standard = 'erc1155'
            """).Select(r => string.Join('|', r)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r.Contains("|batch|", StringComparison.Ordinal));
        // the data holds the macro's two special cases: a batch naming one (id, value) pair twice, and a batch sending zero of an id
        Assert.True(repeated > 0, "no batch repeats an (id, value) pair");
        Assert.True(zeros > 0, "no batch sends zero units of an id");
        // the other rows are the ERC-721 Transfer logs' (DemoDataCuratedTests); every row's id is its own
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar("SELECT count(*) FROM nft.transfers WHERE token_standard NOT IN ('erc721', 'erc1155')"),
            CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToInt64(fixture.Scalar("SELECT count(*) FROM nft.transfers"), CultureInfo.InvariantCulture),
            Convert.ToInt64(fixture.Scalar("SELECT count(DISTINCT unique_transfer_id) FROM nft.transfers"), CultureInfo.InvariantCulture));
        // tokens.nft: the ERC-1155 collections are the contracts that logged these events, and each transfer's collection has its standard
        var collections = fixture.Rows("SELECT hex(contract_address), standard FROM tokens.nft WHERE blockchain = 'ethereum'");
        Assert.Equal(collections.Count, collections.Select(c => c[0]).Distinct().Count());
        Assert.Equal(logs.Select(l => l[2]).Distinct().Order(StringComparer.Ordinal),
            collections.Where(c => c[1] == "erc1155").Select(c => c[0]).Order(StringComparer.Ordinal));
        var standard = collections.ToDictionary(c => c[0], c => c[1]);
        foreach (var t in fixture.Rows("SELECT DISTINCT hex(contract_address), token_standard FROM nft.transfers"))
        {
            Assert.Equal(t[1], standard[t[0]]);
        }
    }
}
