namespace Strata.Engine.DuckDb;

/// <summary>
/// veBAL's spells, computed from the demo's decoded veBAL and GaugeController tables as spellbook's models compute them
/// (<c>daily_spellbook/models/_projects/balancer/vebal/ethereum/</c>), with their names, columns and types:
/// <list type="bullet">
/// <item><c>balancer_ethereum.vebal_slopes</c> (a view, as the model): each wallet's locked BPT after every block that changed
/// it (Deposit minus Withdraw values / 1e18, summed in block order), with the lock's end (<c>unlocked_at</c>) of its latest
/// lock update at or before the block, <c>slope</c> = balance / (365 × 86400) and <c>bias</c> = (unlocked_at − block
/// timestamp) × slope.</item>
/// <item><c>balancer_ethereum.vebal_balances_day</c> (a view): each wallet's locked BPT and veBAL on every day from the first
/// deposit's day to a year after the span's end, veBAL = max(balance × lock period / year × (unlocked_at − end of day) /
/// lock period, 0), and the lock period.</item>
/// <item><c>balancer_ethereum.vebal_votes</c> (a table, as the model): weekly rounds from 2022-04-07 (round 1); a vote counts
/// from its round until the wallet's next vote for the gauge or the round that ends after its lock does, worth
/// (bias − slope × (round end − slope's block timestamp)) × weight / 10,000. Rounds with no vote standing are kept with
/// NULL gauge, provider and vote, as the model's left join from the rounds gives them.</item>
/// </list>
/// Where the models read <c>now()</c> (the last round, the calendar's end) the demo reads the span's end: its data's "now".
/// Times are converted explicitly (UTC) so the result does not depend on the session's time zone.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> VeBalSpellTables =>
        ["balancer_ethereum.vebal_slopes", "balancer_ethereum.vebal_balances_day", "balancer_ethereum.vebal_votes"];

    /// <summary>The lock updates of the models' <c>base_locks</c> .. <c>locks_info</c>: creations (a create_lock call's
    /// Deposit) and unlock-time increases (a Deposit of value 0), each with the time of the lock creation it extends.</summary>
    private const string VeBalLocksInfo = """
        WITH base_locks AS (
            SELECT d.provider, CAST(d.ts AS BIGINT) AS locked_at, CAST(d.locktime AS BIGINT) AS unlocked_at, CAST(d.ts AS BIGINT) AS updated_at
            FROM balancer_ethereum."veBAL_call_create_lock" l JOIN balancer_ethereum."veBAL_evt_Deposit" d ON d.evt_tx_hash = l.call_tx_hash
            UNION ALL
            SELECT provider, CAST(NULL AS BIGINT), CAST(locktime AS BIGINT), CAST(ts AS BIGINT)
            FROM balancer_ethereum."veBAL_evt_Deposit" WHERE CAST(value AS DOUBLE) = 0
        ), decorated_locks AS (
            SELECT provider, unlocked_at, updated_at,
                   first_value(locked_at) OVER (PARTITION BY provider, locked_partition ORDER BY updated_at) AS locked_at
            FROM (SELECT *, sum(CASE WHEN locked_at IS NULL THEN 0 ELSE 1 END) OVER (PARTITION BY provider ORDER BY updated_at) AS locked_partition
                  FROM base_locks)
        ), locks_info AS (
            SELECT *, unlocked_at - locked_at AS lock_period FROM decorated_locks
        )
        """;

    private static IEnumerable<string> VeBalSpellScript(Sizes size)
    {
        string end = Sql(size.End);
        yield return $$"""
            CREATE OR REPLACE VIEW balancer_ethereum.vebal_slopes AS
            {{VeBalLocksInfo}}, deposits AS (
                SELECT provider, evt_block_number AS block_number, evt_block_time AS block_time, sum(CAST(value AS DOUBLE)) / CAST(1e18 AS DOUBLE) AS delta_bpt
                FROM balancer_ethereum."veBAL_evt_Deposit" GROUP BY 1, 2, 3
            ), withdrawals AS (
                SELECT provider, evt_block_number AS block_number, evt_block_time AS block_time, -sum(CAST(value AS DOUBLE)) / CAST(1e18 AS DOUBLE) AS delta_bpt
                FROM balancer_ethereum."veBAL_evt_Withdraw" GROUP BY 1, 2, 3
            ), bpt_locked_balance AS (
                SELECT block_number, block_time, provider, sum(delta_bpt) AS bpt_balance
                FROM (SELECT * FROM deposits UNION ALL SELECT * FROM withdrawals) GROUP BY provider, block_number, block_time
            ), cumulative_balances AS (
                SELECT block_number, block_time, provider,
                       sum(bpt_balance) OVER (PARTITION BY provider ORDER BY block_number ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bpt_balance
                FROM bpt_locked_balance
            ), double_counting AS (
                SELECT block_number, block_time, updated_at, epoch(block_time) AS block_timestamp, b.provider AS wallet_address, bpt_balance, unlocked_at,
                       bpt_balance / (365 * 86400) AS slope, (CAST(unlocked_at AS DOUBLE) - epoch(block_time)) * bpt_balance / (365 * 86400) AS bias
                FROM cumulative_balances b LEFT JOIN locks_info l ON l.provider = b.provider AND l.updated_at <= CAST(epoch(block_time) AS BIGINT)
            ), max_updated_at AS (
                SELECT block_number, block_time, wallet_address, max(updated_at) AS updated_at FROM double_counting GROUP BY 1, 2, 3
            )
            SELECT a.block_number, a.block_time, a.block_timestamp, a.wallet_address, a.bpt_balance, CAST(a.unlocked_at AS {{Uint256Type}}) AS unlocked_at,
                   a.slope, a.bias, to_timestamp(epoch(date_trunc('day', timezone('UTC', a.block_time)))) AS block_date
            FROM double_counting a
            JOIN max_updated_at b ON a.block_number = b.block_number AND a.block_time = b.block_time AND a.wallet_address = b.wallet_address
                                 AND a.updated_at = b.updated_at
            ORDER BY 4, 1;
            """;
        // The calendar runs from the first deposit's day to a year after the span's end (the model: now() + 1 year).
        yield return $$"""
            CREATE OR REPLACE VIEW balancer_ethereum.vebal_balances_day AS
            {{VeBalLocksInfo}}, deposits AS (
                SELECT provider, date_trunc('day', timezone('UTC', evt_block_time)) AS day, sum(CAST(value AS DOUBLE)) / 1e18 AS delta_bpt
                FROM balancer_ethereum."veBAL_evt_Deposit" GROUP BY 1, 2
            ), withdrawals AS (
                SELECT provider, date_trunc('day', timezone('UTC', evt_block_time)) AS day, -sum(CAST(value AS DOUBLE)) / 1e18 AS delta_bpt
                FROM balancer_ethereum."veBAL_evt_Withdraw" GROUP BY 1, 2
            ), bpt_locked_balance AS (
                SELECT day, provider, sum(delta_bpt) AS bpt_balance FROM (SELECT * FROM deposits UNION ALL SELECT * FROM withdrawals) GROUP BY 2, 1
            ), calendar AS (
                SELECT CAST(unnest(generate_series(first_day, {{end}} + INTERVAL 1 YEAR, INTERVAL 1 DAY)) AS TIMESTAMP) AS day
                FROM (SELECT min(day) AS first_day FROM bpt_locked_balance)
            ), cumulative_balances AS (
                SELECT day, provider, lead(day, 1, {{end}} + INTERVAL 1 YEAR) OVER (PARTITION BY provider ORDER BY day) AS day_of_next_change,
                       sum(bpt_balance) OVER (PARTITION BY provider ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bpt_balance
                FROM bpt_locked_balance
            ), running_balances AS (
                SELECT c.day, provider, bpt_balance FROM calendar c LEFT JOIN cumulative_balances b ON b.day <= c.day AND c.day < b.day_of_next_change
            ), double_counting AS (
                SELECT day, b.provider AS wallet_address, bpt_balance, updated_at, lock_period AS lock_time,
                       greatest(coalesce(bpt_balance * (CAST(lock_period AS DOUBLE) / CAST(365 * 86400 AS DOUBLE))
                                         * ((CAST(unlocked_at AS DOUBLE) - (epoch(b.day) + 86400)) / CAST(lock_period AS DOUBLE)), 0), 0) AS vebal_balance
                FROM running_balances b LEFT JOIN locks_info l ON l.provider = b.provider AND l.updated_at <= CAST(epoch(b.day) + 86400 AS BIGINT)
            ), max_updated_at AS (
                SELECT day, wallet_address, max(updated_at) AS updated_at FROM double_counting GROUP BY day, wallet_address
            )
            SELECT a.day, a.wallet_address, a.bpt_balance, a.vebal_balance, CAST(a.lock_time AS {{Uint256Type}}) AS lock_time
            FROM double_counting a JOIN max_updated_at b ON a.day = b.day AND a.wallet_address = b.wallet_address AND a.updated_at = b.updated_at;
            """;
        // Round n starts on 2022-04-07 + 7 (n - 1) days; the last round is the one that starts at or before the span's end.
        yield return $$"""
            CREATE OR REPLACE TABLE balancer_ethereum.vebal_votes AS
            WITH rounds_info AS (
                SELECT start_date, epoch(start_date) AS start_timestamp, start_date + INTERVAL 7 DAY AS end_date,
                       epoch(start_date + INTERVAL 7 DAY) AS end_timestamp, row_number() OVER (ORDER BY start_date) AS round_id
                FROM (SELECT CAST(d AS TIMESTAMP) AS start_date FROM range(TIMESTAMP '2022-04-07', {{end}} + INTERVAL 1 SECOND, INTERVAL 7 DAY) r(d))
            ), double_counting AS (
                SELECT evt_block_time, block_timestamp, d.block_number, v."user" AS provider, gauge_addr AS gauge, CAST(weight AS DOUBLE) / 1e4 AS weight,
                       unlocked_at, slope, bias
                FROM balancer_ethereum."GaugeController_evt_VoteForGauge" v
                JOIN balancer_ethereum.vebal_slopes d ON d.wallet_address = v."user" AND d.block_number <= v.evt_block_number
            ), max_block_number AS (
                SELECT evt_block_time, provider, gauge, max(block_number) AS block_number FROM double_counting GROUP BY 1, 2, 3
            ), votes_info AS (
                SELECT a.evt_block_time, a.block_timestamp, a.provider, a.block_number, a.gauge, weight, unlocked_at, slope, bias
                FROM double_counting a
                JOIN max_block_number b ON a.provider = b.provider AND a.gauge = b.gauge AND a.block_number = b.block_number AND a.evt_block_time = b.evt_block_time
            ), votes_with_gaps AS (
                SELECT *, lead(CAST(round_id AS INTEGER), 1, 9999) OVER (PARTITION BY provider, gauge ORDER BY round_id) AS next_round
                FROM (
                    SELECT coalesce(round_id, 1) AS round_id, provider, gauge, weight, block_timestamp, unlocked_at, slope, bias
                    FROM votes_info v
                    LEFT JOIN rounds_info r ON epoch(v.evt_block_time) >= r.start_timestamp AND epoch(v.evt_block_time) < r.end_timestamp
                )
            ), running_votes AS (
                SELECT r.round_id, r.start_date, r.end_date, r.end_timestamp, provider, bias, slope, block_timestamp, gauge, weight
                FROM rounds_info r
                LEFT JOIN votes_with_gaps v ON v.round_id <= r.round_id AND r.round_id < v.next_round AND r.end_timestamp <= CAST(v.unlocked_at AS DOUBLE)
            )
            SELECT round_id, start_date, end_date, gauge, provider, ((bias - slope * (end_timestamp - block_timestamp)) * weight) AS vote
            FROM running_votes
            ORDER BY round_id, gauge, provider;
            """;
    }
}
