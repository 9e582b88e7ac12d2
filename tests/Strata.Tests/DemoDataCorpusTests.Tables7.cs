using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Real queries over the Starknet tables dune-tables7 added (welttowelt/starknet-dune-dashboard's overview queries), run
/// through the translator on the demo data, against answers computed here from the tables' raw rows; and the Starknet
/// tables' rows agree with each other (blocks, transactions, events, calls).
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>Every Starknet transaction: UTC day, sender (hex), status, fee in FRI.</summary>
    private List<(DateOnly Day, string Sender, string Status, decimal Fee, string Unit)> StarknetTransactions() =>
        [.. fixture.Db.TranslatedRows("SELECT epoch_us(block_time)::VARCHAR, hex(sender_address), execution_status, actual_fee_amount::VARCHAR, actual_fee_unit FROM starknet.transactions")
            .Select(r => (DateOnly.FromDateTime(Utc(r[0])), r[1], r[2], decimal.Parse(r[3], CultureInfo.InvariantCulture), r[4]))];

    /// <summary>spellbook's sources/_base_sources/other/starknet_base_sources.yml (@91dac12141), names in order; the events'
    /// transaction_hash, which the yml leaves out, last.</summary>
    [Theory]
    [InlineData("blocks", "date number time l1_da_mode l1_data_gas_price_in_fri l1_data_gas_price_in_wei l1_gas_price_in_fri l1_gas_price_in_wei starknet_version tx_count hash new_root parent_hash sequencer_address")]
    [InlineData("events", "block_date block_time block_number block_l1_da_mode block_l1_data_gas_price_in_fri block_l1_data_gas_price_in_wei block_l1_gas_price_in_fri block_l1_gas_price_in_wei block_starknet_version block_status event_index block_hash block_new_root block_parent_hash block_sequencer_address data keys from_address class_hash transaction_hash")]
    [InlineData("transactions", "block_date block_time block_number block_l1_da_mode block_l1_data_gas_price_in_fri block_l1_data_gas_price_in_wei block_l1_gas_price_in_fri block_l1_gas_price_in_wei block_starknet_version block_status fee_data_availability_mode index max_fee nonce nonce_data_availability_mode resource_bounds_l1_gas_max_amount resource_bounds_l1_gas_max_price_per_unit tip type version actual_fee_amount actual_fee_unit execution_resources_bitwise_builtin_applications execution_resources_data_availability_l1_gas execution_resources_data_availability_l1_data_gas execution_resources_ec_op_builtin_applications execution_resources_ecdsa_builtin_applications execution_resources_keccak_builtin_applications execution_resources_memory_holes execution_resources_pedersen_builtin_applications execution_resources_poseidon_builtin_applications execution_resources_range_check_builtin_applications execution_resources_segment_arena_builtin execution_resources_steps execution_status finality_status receipt_type block_hash block_new_root block_parent_hash block_sequencer_address calldata class_hash compiled_class_hash constructor_calldata contract_address contract_address_salt entry_point_selector hash sender_address signature message_hash messages_sent revert_reason transaction_hash state_diff")]
    public void Starknet_tables_have_spellbooks_columns_in_order(string table, string columns)
    {
        var names = fixture.Db.TranslatedRows($"SELECT column_name FROM (DESCRIBE starknet.{table})").Select(r => r[0]);
        Assert.Equal(columns.Split(' '), names);
    }

    [Fact]
    public void Starknet_daily_success_rate_counts_each_days_transactions()
    {
        var txs = StarknetTransactions();
        var rows = fixture.Db.Rows(CorpusReal("wt_starknet_daily_success_rate.sql"));
        output.WriteLine($"{txs.Count} transactions; {rows.Count} days; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(rows.Count >= 10, $"{rows.Count} days");
        var expected = txs.GroupBy(t => t.Day).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(t => t.Status == "SUCCEEDED"), g.Count())).ToList();
        Assert.Equal(expected, rows.Select(r => (Day(r[0]), int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture))));
        foreach (var r in rows)
        {
            Assert.Equal(Percent(int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture)), decimal.Parse(r[3], CultureInfo.InvariantCulture));
        }
        // some reverted (a failed Ethereum transaction replays as a reverted one), most succeeded
        Assert.Contains(txs, t => t.Status == "REVERTED");
        Assert.True(txs.Count(t => t.Status == "SUCCEEDED") > txs.Count * 0.8);
    }

    [Fact]
    public void Starknet_daily_fees_sum_each_days_fees_in_strk()
    {
        var txs = StarknetTransactions();
        var rows = fixture.Db.Rows(CorpusReal("wt_starknet_daily_fees.sql"));
        Assert.All(txs, t => Assert.Equal("FRI", t.Unit));
        var expected = txs.GroupBy(t => t.Day).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => (g.Key, "FRI")), rows.Select(r => (Day(r[0]), r[1])));
        for (int i = 0; i < rows.Count; i++)
        {
            double want = expected[i].Sum(t => (double)t.Fee) / 1e18;
            Assert.True(want > 0);
            Assert.Equal(want, Number(rows[i][2]), want * 1e-12);
        }
    }

    [Fact]
    public void Starknet_kpis_and_status_shares_of_the_last_30_days()
    {
        DateOnly from = DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(-30));
        var txs = StarknetTransactions().Where(t => t.Day >= from).ToList();
        var kpi = Assert.Single(fixture.Db.Rows(CorpusReal("wt_starknet_kpi_last_30_days.sql")));
        var days = txs.GroupBy(t => t.Day).ToList();
        output.WriteLine(string.Join(" | ", kpi));
        Assert.Equal(txs.Count, int.Parse(kpi[0], CultureInfo.InvariantCulture));
        Assert.Equal(days.Sum(g => g.Select(t => t.Sender).Distinct().Count()), int.Parse(kpi[1], CultureInfo.InvariantCulture));
        Assert.Equal(days.Average(g => g.Count()), Number(kpi[2]), 1e-9);
        Assert.Equal(Percent(txs.Count(t => t.Status == "SUCCEEDED"), txs.Count), decimal.Parse(kpi[4], CultureInfo.InvariantCulture));
        double fees = txs.Sum(t => (double)t.Fee) / 1e18;
        Assert.Equal(fees, Number(kpi[5]), fees * 1e-12);

        var shares = fixture.Db.Rows(CorpusReal("wt_starknet_execution_status_30_days.sql"));
        var expected = txs.GroupBy(t => t.Status).OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal(expected, shares.Select(r => (r[0], int.Parse(r[1], CultureInfo.InvariantCulture))));
        Assert.Equal(expected.Select(e => Percent(e.Item2, txs.Count)), shares.Select(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Starknet_blocks_events_and_calls_agree_with_the_transactions()
    {
        var db = fixture.Db;
        var txs = db.TranslatedRows("""
            SELECT hex(hash), block_number::VARCHAR, hex(sender_address), execution_status, actual_fee_amount::VARCHAR,
                   list_transform(calldata, x -> hex(x))::VARCHAR, hash = transaction_hash FROM starknet.transactions
            """).ToDictionary(r => r[0]);
        Assert.NotEmpty(txs);
        Assert.All(txs.Values, t => Assert.Equal("true", t[6]));

        // blocks: the transactions' blocks, each counting its transactions
        var blocks = db.TranslatedRows("SELECT number::VARCHAR, tx_count::VARCHAR FROM starknet.blocks").ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(txs.Values.GroupBy(t => t[1]).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key), blocks.OrderBy(p => p.Key));

        // events: Transfer events only; every transaction's last is its fee, in STRK, from its account to the sequencer;
        // a reverted transaction emits nothing else
        var events = db.TranslatedRows("""
            SELECT hex(transaction_hash), event_index::VARCHAR, hex(from_address), list_transform("keys", x -> hex(x))::VARCHAR,
                   list_transform("data", x -> hex(x))::VARCHAR FROM starknet.events ORDER BY transaction_hash, event_index
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(txs.Keys.Order(StringComparer.Ordinal), events.Keys.Order(StringComparer.Ordinal));
        foreach (var (hash, evs) in events)
        {
            var tx = txs[hash];
            Assert.Equal(Enumerable.Range(0, evs.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), evs.Select(e => e[1]));
            Assert.All(evs, e => Assert.Equal($"[{DemoData.StarknetTransferKey.ToUpperInvariant()}]", e[3]));
            var fee = Felts(evs[^1][4]);
            Assert.Equal(DemoData.StarknetStrk, evs[^1][2].ToLowerInvariant());
            Assert.Equal([tx[2], DemoData.StarknetSequencer.ToUpperInvariant()], fee[..2]);
            Assert.Equal(decimal.Parse(tx[4], CultureInfo.InvariantCulture), Word(fee[2]));
            Assert.Equal(0m, Word(fee[3]));
            if (tx[3] == "REVERTED")
            {
                Assert.Single(evs);
            }
        }

        // calls: the account's __execute__ with the transaction's calldata, then the inner call it names; a successful
        // transfer call is a Transfer event of that token to that recipient, of that amount
        var calls = db.TranslatedRows("""
            SELECT hex(transaction_hash), len(trace_address)::VARCHAR, hex(caller_address), hex(contract_address), hex(entry_point_selector),
                   list_transform(calldata, x -> hex(x))::VARCHAR FROM starknet.calls ORDER BY transaction_hash, len(trace_address)
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(txs.Keys.Order(StringComparer.Ordinal), calls.Keys.Order(StringComparer.Ordinal));
        const string Transfer = "0083AFD3F4CAEDC6EEBF44246FE54E38C95E3179A5EC9EA81740ECA5B482D12E";
        int transfers = 0;
        foreach (var (hash, cs) in calls)
        {
            var tx = txs[hash];
            Assert.Equal(2, cs.Count);
            var (top, inner) = (cs[0], cs[1]);
            Assert.Equal(["0", new string('0', 64), tx[2], DemoData.StarknetExecute.ToUpperInvariant(), tx[5]], top[1..]);
            var data = Felts(tx[5]);
            Assert.Equal(["1", tx[2], data[1], data[2]], inner[1..5]);
            Assert.Equal(data[4..], Felts(inner[5]));
            if (data[2] == Transfer && tx[3] == "SUCCEEDED")
            {
                transfers++;
                Assert.Contains(events[hash], e => e[2] == data[1] && Felts(e[4])[1..].SequenceEqual(data[4..]));
            }
        }
        output.WriteLine($"{txs.Count} transactions, {blocks.Count} blocks, {events.Values.Sum(e => e.Count)} events, {transfers} transfer calls");
        Assert.True(transfers > 0);
    }

    /// <summary>Trino's <c>100.0 * a / b</c> of two bigints: a decimal of scale 1 (the literal's), rounded half up.</summary>
    private static decimal Percent(int a, int b) => Math.Round(100.0m * a / b, 1, MidpointRounding.AwayFromZero);

    /// <summary>A rendered list of hex felts, e.g. "[00AB.., 01CD..]".</summary>
    private static string[] Felts(string list) => list.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A hex felt holding a 128-bit half of a uint256.</summary>
    private static decimal Word(string hex)
    {
        var value = System.Numerics.BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (decimal)value;
    }
}
