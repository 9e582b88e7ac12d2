using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild11: <c>labels.balancer_gauges</c> (and its per-chain models) and veBAL's decoded tables
/// (<c>balancer_ethereum.veBAL_evt_Deposit</c>, <c>veBAL_evt_Withdraw</c>, <c>veBAL_call_create_lock</c>,
/// <c>GaugeController_evt_VoteForGauge</c>), with Dune's columns and consistent with the pools, each other and Ethereum's
/// transactions.
/// </summary>
public sealed class DemoDataGaugesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    private const string Labels = "blockchain varchar, address varbinary, pool_address varbinary, child_gauge_address varbinary, name varchar, status varchar, "
        + $"category varchar, contributor varchar, source varchar, created_at timestamp, updated_at {Tz}, model_name varchar, label_type varchar";

    public static TheoryData<string, string> Schemas => new()
    {
        // daily_spellbook/models/_sector/labels/addresses/__single_category_labels__/balancer/labels_balancer_gauges*.sql
        { "labels.balancer_gauges", Labels },
        { "labels.balancer_gauges_arbitrum", Labels },
        // spellbook sources/balancer/ethereum/balancer_ethereum_sources.yml; veBAL's Vyper events (type is an int128)
        { "balancer_ethereum.veBAL_evt_Deposit", Evt + "provider varbinary, value uint256, locktime uint256, type int256, ts uint256" },
        { "balancer_ethereum.veBAL_evt_Withdraw", Evt + "provider varbinary, value uint256, ts uint256" },
        {
            "balancer_ethereum.veBAL_call_create_lock",
            "contract_address varbinary, call_success boolean, call_tx_hash varbinary, call_tx_from varbinary, call_tx_to varbinary, call_tx_index bigint, "
            + $"call_trace_address array(bigint), call_block_time {Tz}, call_block_number bigint, call_block_date date, _value uint256, _unlock_time uint256"
        },
        { "balancer_ethereum.GaugeController_evt_VoteForGauge", Evt + "time uint256, user varbinary, gauge_addr varbinary, weight uint256" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Gauge_and_vebal_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Every_balancer_pool_has_one_gauge_named_by_its_chain_and_label()
    {
        long pools = Count("SELECT count(*) FROM labels.balancer_v2_pools") + Count("SELECT count(*) FROM labels.balancer_v3_pools");
        Assert.Equal(pools, Count("SELECT count(*) FROM labels.balancer_gauges"));
        Assert.Equal(pools, Count("SELECT count(DISTINCT address) FROM labels.balancer_gauges"));
        Assert.Equal(pools, Count("""
            SELECT count(*) FROM labels.balancer_gauges g
            JOIN (SELECT blockchain, address, name FROM labels.balancer_v2_pools UNION ALL SELECT blockchain, address, name FROM labels.balancer_v3_pools) p
              ON p.blockchain = g.blockchain AND p.address = g.pool_address
            WHERE g.name = CASE g.blockchain WHEN 'ethereum' THEN 'eth' WHEN 'arbitrum' THEN 'arb' WHEN 'polygon' THEN 'pol' WHEN 'optimism' THEN 'op'
                                             WHEN 'avalanche_c' THEN 'ava' WHEN 'base' THEN 'base' WHEN 'gnosis' THEN 'gno' END || ':' || p.name
              AND (g.child_gauge_address IS NULL) = (g.blockchain = 'ethereum') AND g.status = 'active' AND g.model_name = 'balancer_gauges_' || g.blockchain
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT * FROM labels.balancer_gauges_arbitrum EXCEPT ALL SELECT * FROM labels.balancer_gauges WHERE blockchain = 'arbitrum')
            """));
        Assert.Equal(Count("SELECT count(*) FROM labels.balancer_gauges WHERE blockchain = 'arbitrum'"), Count("SELECT count(*) FROM labels.balancer_gauges_arbitrum"));
    }

    [Fact]
    public void Each_lock_is_created_in_its_wallets_transaction_votes_for_a_gauge_and_is_withdrawn_after_it_ends()
    {
        long locks = Count("SELECT count(*) FROM balancer_ethereum.\"veBAL_evt_Deposit\"");
        Assert.True(locks > 0);
        Assert.Equal(locks, Count("SELECT count(DISTINCT provider) FROM balancer_ethereum.\"veBAL_evt_Deposit\""));
        // Deposit, create_lock call and vote share the wallet's successful transaction; the lock ends on the week boundary
        // before the requested unlock time, one to 52 weeks after the block.
        Assert.Equal(locks, Count("""
            SELECT count(*) FROM balancer_ethereum."veBAL_evt_Deposit" d
            JOIN ethereum.transactions t ON t.hash = d.evt_tx_hash AND t."from" = d.provider AND t.block_time = d.evt_block_time AND t.success
            JOIN balancer_ethereum."veBAL_call_create_lock" c ON c.call_tx_hash = d.evt_tx_hash AND c._value = d.value AND c.call_tx_from = d.provider
            JOIN balancer_ethereum."GaugeController_evt_VoteForGauge" v ON v.evt_tx_hash = d.evt_tx_hash AND v."user" = d.provider AND v.time = d.ts
            JOIN labels.balancer_gauges g ON g.address = v.gauge_addr
            WHERE CAST(d.type AS BIGINT) = 1 AND CAST(d.ts AS BIGINT) = CAST(epoch(d.evt_block_time) AS BIGINT)
              AND CAST(d.locktime AS BIGINT) = CAST(c._unlock_time AS BIGINT) // 604800 * 604800
              AND CAST(c._unlock_time AS BIGINT) - CAST(d.ts AS BIGINT) BETWEEN 604800 AND 52 * 604800
              AND CAST(v.weight AS BIGINT) = 10000
            """));
        // A withdrawal returns the lock's value after its end, in the wallet's first transaction from then on.
        Assert.True(Count("SELECT count(*) FROM balancer_ethereum.\"veBAL_evt_Withdraw\"") > 0);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM balancer_ethereum."veBAL_evt_Withdraw" w
            LEFT JOIN balancer_ethereum."veBAL_evt_Deposit" d ON d.provider = w.provider AND d.value = w.value AND CAST(w.ts AS BIGINT) >= CAST(d.locktime AS BIGINT)
            LEFT JOIN ethereum.transactions t ON t.hash = w.evt_tx_hash AND t."from" = w.provider AND t.success
            WHERE d.provider IS NULL OR t.hash IS NULL
               OR EXISTS (SELECT 1 FROM ethereum.transactions e WHERE e."from" = w.provider AND e.success
                          AND epoch(e.block_time) >= CAST(d.locktime AS BIGINT) AND e.block_number < w.evt_block_number)
            """));
        // Every lock that ends before the span's last block is withdrawn if its wallet transacts again.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM balancer_ethereum."veBAL_evt_Deposit" d
            WHERE EXISTS (SELECT 1 FROM ethereum.transactions e WHERE e."from" = d.provider AND e.success AND epoch(e.block_time) >= CAST(d.locktime AS BIGINT))
              AND NOT EXISTS (SELECT 1 FROM balancer_ethereum."veBAL_evt_Withdraw" w WHERE w.provider = d.provider)
            """));
    }
}
