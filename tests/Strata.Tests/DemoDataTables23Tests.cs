using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables23: <c>ethereum.blobs_submissions</c> (spellbook's ethereum_blob_submissions model) and <c>labels.contracts</c>
/// (spellbook's labels_contracts model), checked against what is computed here from the raw rows they are built from: the type-3
/// transactions and their blocks, and the decoded contracts.
/// </summary>
public sealed class DemoDataTables23Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    /// <summary>The beacon chain's mainnet genesis, 2020-12-01 12:00:23 UTC in unix seconds (slot 0, as beacon explorers give it); a slot
    /// is 12 seconds (SECONDS_PER_SLOT), an epoch 32 slots (SLOTS_PER_EPOCH).</summary>
    private const long Genesis = 1_606_824_023;

    // the OP Stack batch inboxes of Base and OP Mainnet (their chains' published system addresses)
    private const string BaseInbox = "FF00000000000000000000000000000000008453", OpInbox = "FF00000000000000000000000000000000000010";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook's ethereum_blob_submissions select list, with the types its expressions give (cardinality: bigint, * pow(2, 17): double,
        // sequence of bigints: array(bigint)); labels_contracts' columns (date(...) a date, now() a timestamp with time zone)
        {
            "ethereum.blobs_submissions",
            "block_number bigint, block_time timestamp(3) with time zone, block_date date, beacon_slot_number bigint, beacon_epoch bigint, "
            + "tx_value uint256, tx_hash varbinary, blob_submitter varbinary, blob_receiver varbinary, blob_submitter_label varchar, "
            + "blob_proposer_label varchar, tx_index bigint, tx_success boolean, tx_data varbinary, tx_type varchar, "
            + "blob_versioned_hashes array(varbinary), blob_indexes array(bigint), blob_count bigint, blob_gas_used double, "
            + "blob_base_fee bigint, max_fee_per_blob_gas bigint, is_blobscription boolean"
        },
        {
            "labels.contracts",
            "blockchain varchar, address varbinary, name varchar, category varchar, contributor varchar, source varchar, created_at date, "
            + "updated_at timestamp(3) with time zone, model_name varchar, label_type varchar"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables23_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>
    /// One row per type-3 transaction, computed here from ethereum.transactions and ethereum.blocks: its fields, the number of its blob
    /// hashes, 2^17 blob gas a blob, the block-wide positions of its blobs (the block's earlier type-3 transactions' first), the block's
    /// blob base fee (e^(excess blob gas / the fork's update fraction), floored), the beacon slot and epoch of the block's time, the
    /// label of the inbox it posts to.
    /// </summary>
    [Fact]
    public void Blobs_submissions_are_the_blob_transactions()
    {
        var blocks = fixture.Rows("""
            SELECT number, epoch_ms(time), excess_blob_gas FROM ethereum.blocks
            WHERE number IN (SELECT block_number FROM ethereum.transactions WHERE type = '3')
            """).ToDictionary(b => long.Parse(b[0], CultureInfo.InvariantCulture));
        var txs = fixture.Rows("""
            SELECT block_number, "index", epoch_ms(block_time), CAST(block_date AS VARCHAR), CAST(value AS VARCHAR), hex(hash), hex("from"),
                   hex("to"), success, hex(data), type, array_to_string(list_transform(blob_versioned_hashes, lambda h: hex(h)), ','),
                   max_fee_per_blob_gas
            FROM ethereum.transactions WHERE type = '3'
            """).OrderBy(t => long.Parse(t[0], CultureInfo.InvariantCulture)).ThenBy(t => long.Parse(t[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(txs.Count >= 10, $"{txs.Count} blob transactions");
        var expected = new List<string>();
        var used = new Dictionary<long, long>();  // blobs of the block so far
        foreach (var t in txs)
        {
            long number = long.Parse(t[0], CultureInfo.InvariantCulture);
            string[] hashes = t[11].Split(',');
            Assert.All(hashes, h => Assert.StartsWith("01", h, StringComparison.Ordinal));  // EIP-4844's version byte
            long first = used.GetValueOrDefault(number);
            used[number] = first + hashes.Length;
            var b = blocks[number];
            long fraction = number >= 24_179_383 ? 11_684_671 : number >= 23_975_778 ? 8_346_193 : number >= 22_431_084 ? 5_007_716 : 3_338_477;
            long fee = (long)Math.Floor(Math.Exp(double.Parse(b[2], CultureInfo.InvariantCulture) / fraction));
            long slot = (long.Parse(b[1], CultureInfo.InvariantCulture) / 1000 - Genesis) / 12;
            string? label = t[7] switch { BaseInbox => "Base", OpInbox => "OP Mainnet", _ => null };
            bool blobscription = Convert.FromHexString(t[9]).AsSpan().StartsWith("data:"u8);
            expected.Add(string.Join('|', t[0], t[2], t[3], slot, slot / 32, t[4], t[5], t[6], t[7], label ?? "", label is null ? "<null>" : "", t[1],
                t[8], t[9], t[10], t[11], string.Join(',', Enumerable.Range(0, hashes.Length).Select(k => first + k)), hashes.Length,
                (hashes.Length * 131072.0).ToString(CultureInfo.InvariantCulture), fee, t[12], blobscription));
        }
        var rows = fixture.Rows("""
            SELECT block_number, epoch_ms(block_time), CAST(block_date AS VARCHAR), beacon_slot_number, beacon_epoch, CAST(tx_value AS VARCHAR),
                   hex(tx_hash), hex(blob_submitter), hex(blob_receiver), blob_submitter_label, coalesce(blob_proposer_label, '<null>'), tx_index, tx_success,
                   hex(tx_data), tx_type, array_to_string(list_transform(blob_versioned_hashes, lambda h: hex(h)), ','),
                   array_to_string(blob_indexes, ','), blob_count, blob_gas_used, blob_base_fee, max_fee_per_blob_gas, is_blobscription
            FROM ethereum.blobs_submissions ORDER BY block_number, tx_index
            """).Select(r => string.Join('|', r)).ToList();
        Assert.Equal(expected, rows);
        Assert.Contains(txs, t => t[7] == BaseInbox);
        Assert.Contains(txs, t => t[7] != BaseInbox && t[7] != OpInbox);
    }

    /// <summary>
    /// labels.contracts: one row per distinct (address, name) of ethereum.contracts, the name "Namespace: Name" with the namespace's first
    /// letter upper case, the model's constant columns, updated at the chain's last block.
    /// </summary>
    [Fact]
    public void Labels_contracts_are_the_decoded_contracts()
    {
        var expected = fixture.Rows("SELECT hex(address), namespace, name FROM ethereum.contracts")
            .Select(c => $"{c[0]}|{char.ToUpperInvariant(c[1][0])}{c[1][1..]}: {c[2]}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 10, $"{expected.Count} contracts");
        var rows = fixture.Rows("""
            SELECT hex(address), name, blockchain, category, contributor, source, CAST(created_at AS VARCHAR), epoch_ms(updated_at), model_name, label_type
            FROM labels.contracts
            """);
        Assert.Equal(expected, rows.Select(r => $"{r[0]}|{r[1]}").Order(StringComparer.Ordinal));
        string last = fixture.Rows("SELECT epoch_ms(max(time)) FROM ethereum.blocks")[0][0];
        Assert.All(rows, r => Assert.Equal(["ethereum", "contracts", "soispoke", "query", "2022-09-26", last, "contracts", "identifier"], r[2..]));
        Assert.Contains(rows, r => r[1] == "Uniswap_v2: UniswapV2Router02");
    }
}
