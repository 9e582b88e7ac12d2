namespace Strata.Engine.DuckDb;

/// <summary>
/// Aura Finance's vote-locked AURA (vlAURA, the <c>AuraLocker</c> at 0x3fa73f1e…bcac on Ethereum), in Dune's decoded names
/// and columns: <c>aura_finance_ethereum.AuraLocker_evt_Staked</c> (<c>_user</c>, <c>_paidAmount</c>, <c>_lockedAmount</c>),
/// <c>AuraLocker_evt_Withdrawn</c> (<c>_user</c>, <c>_amount</c>, <c>_relocked</c>) and <c>AuraLocker_evt_DelegateChanged</c>
/// (<c>delegator</c>, <c>fromDelegate</c>, <c>toDelegate</c>), the contract's event parameters.
/// <list type="bullet">
/// <item>A lock in one in a hundred of Ethereum's successful transactions (seed 1001): 10 to 10,000 AURA, paid and locked
/// alike (the locker emits <c>Staked(_account, lockAmount, lockAmount)</c>), unlocking 17 weeks after the week it falls
/// in (the locker's epoch plus its 16-week duration) — never within the demo's 30 days.</item>
/// <item>So that locks expire within the span, half the lockers also locked before it (a transaction the demo's chain
/// does not hold: its hash from the wallet's first lock, seed 1005; its block estimated back from the span's first block at
/// 12 s a block), timed so that its unlock falls between two weeks before the span and 23 days into it. Such a lock is withdrawn
/// (<c>_relocked</c> false, <c>_amount</c> the lock's) in the wallet's first transaction at or after its unlock, if any.</item>
/// <item>A wallet's first lock delegates its votes (from the zero address) to one of ten delegates; one in three wallets
/// with an earlier lock moves them to the next delegate in its first lock within the span.</item>
/// </list>
/// Log indexes 50,000 (Staked), 60,000 (DelegateChanged) and 70,000 (Withdrawn) + the transaction's index. The halves and
/// thirds are drawn with <c>demo_u</c> (high bits): <c>demo_int(hash, s, 2)</c> of a transaction picked by <c>demo_int(hash, s', 100)
/// = 0</c> is always the same (DuckDB's seeded hashes of one value share their low bits' parity).
/// </summary>
public static partial class DemoData
{
    private const string AuraLocker = "3fa73f1e5d8a792c80f426fc8f84fbf7ce9bbcac";

    private static IEnumerable<string> AuraTables =>
    [
        "aura_finance_ethereum.AuraLocker_evt_Staked", "aura_finance_ethereum.AuraLocker_evt_Withdrawn",
        "aura_finance_ethereum.AuraLocker_evt_DelegateChanged",
    ];

    private static IEnumerable<string> AuraScript(Sizes size)
    {
        string start = Sql(size.Start);
        // The locks within the span, then the earlier ones at t0 = start − 18 weeks + u × 30 days, so that the unlock (t0's week,
        // counted from the Unix epoch as the locker's epochs are, + 17 weeks) lies in (start − 14 days, start + 23 days].
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS aura_finance_ethereum;
            CREATE OR REPLACE TEMP TABLE demo_aura_locks AS
            WITH span AS (
                SELECT hash, "from" AS wallet, "to", "index", block_time, block_number, block_date, false AS earlier,
                       CAST(printf('%.0f', pow(10, 1 + 3 * demo_u(hash, 1002))) AS HUGEINT) * CAST(1e18 AS HUGEINT) AS amount,
                       row_number() OVER (PARTITION BY "from" ORDER BY block_number, "index") AS n
                FROM ethereum.transactions WHERE success AND demo_int(hash, 1001, 100) = 0
            ), first_block AS (SELECT min(number) AS number, min("time") AS "time" FROM ethereum.blocks),
            before AS (
                SELECT demo_hash(s.hash, 1005) AS hash, s.wallet, unhex('{{AuraLocker}}') AS "to", 0::BIGINT AS "index",
                       {{start}} - INTERVAL 126 DAY + to_seconds(CAST(demo_u(s.hash, 1004) * 2592000 AS BIGINT)) AS t0,
                       s.hash AS first_hash
                FROM span s WHERE s.n = 1 AND demo_u(s.hash, 1003) < 0.5
            )
            SELECT hash, wallet, "to", "index", block_time, block_number, block_date, earlier, amount, n FROM span
            UNION ALL
            SELECT b.hash, b.wallet, b."to", b."index", demo_tz(b.t0),
                   f.number - CAST((epoch(f."time") - epoch(demo_tz(b.t0))) // 12 AS BIGINT), CAST(b.t0 AS DATE), true,
                   CAST(printf('%.0f', pow(10, 1 + 3 * demo_u(b.first_hash, 1006))) AS HUGEINT) * CAST(1e18 AS HUGEINT), 0
            FROM before b CROSS JOIN first_block f;
            CREATE OR REPLACE TABLE aura_finance_ethereum."AuraLocker_evt_Staked" AS
            SELECT unhex('{{AuraLocker}}') AS contract_address, hash AS evt_tx_hash, wallet AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   50000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   wallet AS _user, CAST(amount AS {{Uint256Type}}) AS "_paidAmount", CAST(amount AS {{Uint256Type}}) AS "_lockedAmount"
            FROM demo_aura_locks ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE aura_finance_ethereum."AuraLocker_evt_Withdrawn" AS
            WITH expired AS (
                SELECT wallet, amount, CAST(epoch(block_time) AS BIGINT) // 604800 * 604800 + 17 * 604800 AS unlock_ts
                FROM demo_aura_locks WHERE earlier
            ), w AS (
                SELECT e.wallet, e.amount, t.hash, t."to", t."index", t.block_time, t.block_number, t.block_date,
                       row_number() OVER (PARTITION BY e.wallet ORDER BY t.block_number, t."index") AS n
                FROM expired e JOIN ethereum.transactions t ON t."from" = e.wallet AND t.success AND epoch(t.block_time) >= e.unlock_ts
            )
            SELECT unhex('{{AuraLocker}}') AS contract_address, hash AS evt_tx_hash, wallet AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   70000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   wallet AS _user, CAST(amount AS {{Uint256Type}}) AS _amount, false AS _relocked
            FROM w WHERE n = 1 ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE aura_finance_ethereum."AuraLocker_evt_DelegateChanged" AS
            WITH firsts AS (
                SELECT *, row_number() OVER (PARTITION BY wallet ORDER BY block_number, "index") AS k,
                       bool_or(earlier) OVER (PARTITION BY wallet) AS has_earlier, CAST(floor(10 * demo_u(wallet, 1007)) AS BIGINT) AS d
                FROM demo_aura_locks WHERE earlier OR n = 1
            ), changes AS (
                SELECT *, '0000000000000000000000000000000000000000' AS from_hex, d AS to_d FROM firsts WHERE k = 1
                UNION ALL
                SELECT *, NULL, (d + 1) % 10 FROM firsts WHERE k = 2 AND has_earlier AND demo_u(wallet, 1008) < 1 / 3
            )
            SELECT unhex('{{AuraLocker}}') AS contract_address, hash AS evt_tx_hash, wallet AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   60000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   wallet AS delegator, coalesce(unhex(from_hex), demo_addr(d, 1009)) AS "fromDelegate", demo_addr(to_d, 1009) AS "toDelegate"
            FROM changes ORDER BY evt_block_number, evt_index;
            DROP TABLE IF EXISTS temp.main.demo_aura_locks;
            """;
    }
}
