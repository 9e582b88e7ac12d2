using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild13: Aura's vote-locked AURA (<c>aura_finance_ethereum.AuraLocker_evt_Staked</c>, <c>_Withdrawn</c>,
/// <c>_DelegateChanged</c>) has Dune's decoded columns and follows the locker's rules on the demo's Ethereum transactions:
/// a lock unlocks 17 weeks after its week starts, is withdrawn whole in the wallet's next transaction after that, and a
/// wallet's first lock delegates its votes. The expectations are stated on the events and transactions, not the script's SQL.
/// </summary>
public sealed class DemoDataAuraTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    private const string Locker = "unhex('3fa73f1e5d8a792c80f426fc8f84fbf7ce9bbcac')";

    // The lock's unlock time: the start of its week (weeks count from the Unix epoch) + 17 weeks.
    private const string Unlock = "(CAST(epoch(s.evt_block_time) AS BIGINT) // 604800 * 604800 + 17 * 604800)";

    public static TheoryData<string, string> Schemas => new()
    {
        // AuraLocker's events: Staked(address indexed _user, uint256 _paidAmount, uint256 _lockedAmount),
        // Withdrawn(address indexed _user, uint256 _amount, bool _relocked),
        // DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)
        { "aura_finance_ethereum.AuraLocker_evt_Staked", Evt + "_user varbinary, _paidAmount uint256, _lockedAmount uint256" },
        { "aura_finance_ethereum.AuraLocker_evt_Withdrawn", Evt + "_user varbinary, _amount uint256, _relocked boolean" },
        { "aura_finance_ethereum.AuraLocker_evt_DelegateChanged", Evt + "delegator varbinary, fromDelegate varbinary, toDelegate varbinary" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Aura_locker_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Locks_are_the_lockers_within_the_span_and_earlier_locks_of_half_of_them_that_unlock_in_the_span()
    {
        long successful = Count("SELECT count(*) FROM ethereum.transactions WHERE success");
        long inSpan = Count("SELECT count(*) FROM aura_finance_ethereum.\"AuraLocker_evt_Staked\" WHERE evt_block_number >= (SELECT min(number) FROM ethereum.blocks)");
        // About one in a hundred successful transactions.
        Assert.InRange(inSpan, successful / 200, successful / 50);
        // Each lock within the span is its wallet's successful transaction, 10 to 10,000 whole AURA, paid as locked, at the locker.
        Assert.Equal(inSpan, Count($"""
            SELECT count(*) FROM aura_finance_ethereum."AuraLocker_evt_Staked" s
            JOIN ethereum.transactions t ON t.hash = s.evt_tx_hash AND t."from" = s._user AND t."from" = s.evt_tx_from AND t.block_time = s.evt_block_time
              AND t.block_number = s.evt_block_number AND t.success AND t."index" = s.evt_tx_index AND s.evt_index = 50000 + t."index"
            WHERE s._paidAmount = s._lockedAmount AND CAST(s._lockedAmount AS DOUBLE) BETWEEN 1e19 AND 1e22 AND CAST(s._lockedAmount AS VARCHAR) LIKE '%000000000000000000'
              AND s.contract_address = {Locker} AND s.evt_block_date = CAST(timezone('UTC', s.evt_block_time) AS DATE)
            """));
        // The earlier locks: one per wallet for about half of the wallets locking within the span, none otherwise, before the
        // span's first block (block numbers 12 s apart back from it), unlocking between two weeks before it and 23 days in.
        long lockers = Count("SELECT count(DISTINCT _user) FROM aura_finance_ethereum.\"AuraLocker_evt_Staked\" s JOIN ethereum.transactions t ON t.hash = s.evt_tx_hash");
        var earlier = $"""
            FROM aura_finance_ethereum."AuraLocker_evt_Staked" s, (SELECT min(number) AS number, min("time") AS "time" FROM ethereum.blocks) f
            WHERE s.evt_block_time < f."time"
            """;
        long before = Count("SELECT count(*) " + earlier);
        Assert.True(before > 0);
        Assert.InRange(before, lockers / 4, lockers * 3 / 4);
        Assert.Equal(before, Count("SELECT count(DISTINCT s._user) " + earlier));
        Assert.Equal(before, Count($"""
            SELECT count(*) {earlier}
              AND s.evt_block_number = f.number - CAST((epoch(f."time") - epoch(s.evt_block_time)) // 12 AS BIGINT)
              AND {Unlock} > epoch(f."time") - 14 * 86400 AND {Unlock} <= epoch(f."time") + 23 * 86400
              AND s.evt_tx_to = {Locker} AND s._user IN (SELECT "from" FROM ethereum.transactions t JOIN aura_finance_ethereum."AuraLocker_evt_Staked" x ON x.evt_tx_hash = t.hash)
              AND NOT EXISTS (SELECT 1 FROM ethereum.transactions t WHERE t.hash = s.evt_tx_hash)
            """));
    }

    [Fact]
    public void An_expired_lock_is_withdrawn_whole_in_its_wallets_first_transaction_after_its_unlock()
    {
        long withdrawals = Count("SELECT count(*) FROM aura_finance_ethereum.\"AuraLocker_evt_Withdrawn\"");
        Assert.True(withdrawals > 0);
        // Each withdrawal returns one expired lock of its wallet, not relocked, in the wallet's first successful transaction from its unlock on.
        Assert.Equal(withdrawals, Count($"""
            SELECT count(*) FROM aura_finance_ethereum."AuraLocker_evt_Withdrawn" w
            JOIN aura_finance_ethereum."AuraLocker_evt_Staked" s ON s._user = w._user AND s._lockedAmount = w._amount AND epoch(w.evt_block_time) >= {Unlock}
            JOIN ethereum.transactions t ON t.hash = w.evt_tx_hash AND t."from" = w._user AND t.success AND t.block_number = w.evt_block_number
              AND w.evt_index = 70000 + t."index"
            WHERE NOT w._relocked
              AND NOT EXISTS (SELECT 1 FROM ethereum.transactions e WHERE e."from" = w._user AND e.success AND epoch(e.block_time) >= {Unlock}
                              AND (e.block_number, e."index") < (w.evt_block_number, w.evt_tx_index))
            """));
        // Every lock that has expired by a later transaction of its wallet is withdrawn; a wallet never withdraws more than it locked.
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM aura_finance_ethereum."AuraLocker_evt_Staked" s
            WHERE EXISTS (SELECT 1 FROM ethereum.transactions e WHERE e."from" = s._user AND e.success AND epoch(e.block_time) >= {Unlock})
              AND NOT EXISTS (SELECT 1 FROM aura_finance_ethereum."AuraLocker_evt_Withdrawn" w WHERE w._user = s._user)
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT _user, sum(CAST(_lockedAmount AS DOUBLE)) AS v FROM aura_finance_ethereum."AuraLocker_evt_Staked" GROUP BY 1
                UNION ALL SELECT _user, -sum(CAST(_amount AS DOUBLE)) FROM aura_finance_ethereum."AuraLocker_evt_Withdrawn" GROUP BY 1)
            GROUP BY _user HAVING sum(v) < 0
            """));
    }

    [Fact]
    public void A_wallets_first_lock_delegates_its_votes_and_some_wallets_move_them_at_their_next_lock()
    {
        long lockers = Count("SELECT count(DISTINCT _user) FROM aura_finance_ethereum.\"AuraLocker_evt_Staked\"");
        // One delegation from the zero address per wallet, in its first lock's transaction.
        Assert.Equal(lockers, Count("""
            SELECT count(*) FROM aura_finance_ethereum."AuraLocker_evt_DelegateChanged" d
            JOIN (SELECT * FROM aura_finance_ethereum."AuraLocker_evt_Staked" QUALIFY row_number() OVER (PARTITION BY _user ORDER BY evt_block_number, evt_index) = 1) s
              ON s.evt_tx_hash = d.evt_tx_hash AND s._user = d.delegator AND d.evt_index = s.evt_index + 10000 AND s.evt_block_time = d.evt_block_time
            WHERE d."fromDelegate" = unhex('0000000000000000000000000000000000000000')
            """));
        // A later change moves a wallet's votes from its delegate to another, at its second lock, in wallets that locked before the span.
        long moves = Count("SELECT count(*) FROM aura_finance_ethereum.\"AuraLocker_evt_DelegateChanged\"") - lockers;
        Assert.True(moves > 0);
        Assert.Equal(moves, Count("""
            SELECT count(*) FROM aura_finance_ethereum."AuraLocker_evt_DelegateChanged" d
            JOIN aura_finance_ethereum."AuraLocker_evt_DelegateChanged" p ON p.delegator = d.delegator AND p."fromDelegate" = unhex('0000000000000000000000000000000000000000')
              AND p.evt_block_time < d.evt_block_time AND p.evt_block_time < (SELECT min("time") FROM ethereum.blocks)
            JOIN (SELECT * FROM aura_finance_ethereum."AuraLocker_evt_Staked" QUALIFY row_number() OVER (PARTITION BY _user ORDER BY evt_block_number, evt_index) = 2) s
              ON s.evt_tx_hash = d.evt_tx_hash AND s._user = d.delegator
            WHERE d."fromDelegate" = p."toDelegate" AND d."toDelegate" <> p."toDelegate"
            """));
        Assert.InRange(Count("SELECT count(DISTINCT \"toDelegate\") FROM aura_finance_ethereum.\"AuraLocker_evt_DelegateChanged\""), 2, 10);
    }
}
