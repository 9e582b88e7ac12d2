using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild12: veBAL's spells (<c>balancer_ethereum.vebal_slopes</c>, <c>vebal_balances_day</c>,
/// <c>vebal_votes</c>) have Dune's columns and hold, for the demo's locks (one create_lock Deposit per wallet, a Withdraw
/// after its end, one vote of weight 10,000 in the lock's transaction), the values veBAL's decay gives: slope = locked BPT
/// / (365 days), bias = slope × (lock end − time), a vote worth bias − slope × (round end − vote's block time).
/// The expectations are written from the decoded events directly, not from the spells' SQL.
/// </summary>
public sealed class DemoDataVeBalTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string Year = "31536000.0";

    // The demo's locks: one per wallet (the create_lock Deposit), and its withdrawal if any.
    private const string Locks = """
        SELECT d.provider, CAST(d.value AS DOUBLE) / 1e18 AS bpt, CAST(d.locktime AS BIGINT) AS locktime, CAST(d.ts AS BIGINT) AS ts,
               d.evt_block_number AS block_number, d.evt_block_time AS block_time,
               w.evt_block_number AS w_block_number, w.evt_block_time AS w_block_time, w.evt_tx_hash AS w_hash
        FROM balancer_ethereum."veBAL_evt_Deposit" d LEFT JOIN balancer_ethereum."veBAL_evt_Withdraw" w ON w.provider = d.provider
        """;

    public static TheoryData<string, string> Schemas => new()
    {
        // daily_spellbook/models/_projects/balancer/vebal/ethereum/*.sql and _schema.yml
        {
            "balancer_ethereum.vebal_slopes",
            $"block_number bigint, block_time {Tz}, block_timestamp double, wallet_address varbinary, bpt_balance double, unlocked_at uint256, "
            + $"slope double, bias double, block_date {Tz}"
        },
        { "balancer_ethereum.vebal_balances_day", "day timestamp, wallet_address varbinary, bpt_balance double, vebal_balance double, lock_time uint256" },
        { "balancer_ethereum.vebal_votes", "round_id bigint, start_date timestamp, end_date timestamp, gauge varbinary, provider varbinary, vote double" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Vebal_spells_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Slopes_are_each_locks_balance_decay_at_its_deposit_and_zero_after_its_withdrawal()
    {
        long deposits = Count("SELECT count(*) FROM balancer_ethereum.\"veBAL_evt_Deposit\"");
        long withdrawals = Count("SELECT count(*) FROM balancer_ethereum.\"veBAL_evt_Withdraw\"");
        Assert.True(deposits > 0 && withdrawals > 0);
        Assert.Equal(deposits + withdrawals, Count("SELECT count(*) FROM balancer_ethereum.vebal_slopes"));
        Assert.Equal(deposits + withdrawals, Count("SELECT count(DISTINCT (block_number, wallet_address)) FROM balancer_ethereum.vebal_slopes"));
        Assert.Equal(deposits, Count($"""
            WITH l AS ({Locks})
            SELECT count(*) FROM l JOIN balancer_ethereum.vebal_slopes s ON s.wallet_address = l.provider AND s.block_number = l.block_number
            WHERE s.block_time = l.block_time AND s.block_timestamp = l.ts AND CAST(s.unlocked_at AS BIGINT) = l.locktime
              AND abs(s.bpt_balance - l.bpt) <= 1e-12 * l.bpt AND abs(s.slope - l.bpt / {Year}) <= 1e-12 * l.bpt
              AND abs(s.bias - (l.locktime - l.ts) * l.bpt / {Year}) <= 1e-9 * l.bpt
              AND s.block_date = date_trunc('day', timezone('UTC', l.block_time)) AT TIME ZONE 'UTC'
            """));
        Assert.Equal(withdrawals, Count($"""
            WITH l AS ({Locks})
            SELECT count(*) FROM l JOIN balancer_ethereum.vebal_slopes s ON s.wallet_address = l.provider AND s.block_number = l.w_block_number
            WHERE s.block_time = l.w_block_time AND CAST(s.unlocked_at AS BIGINT) = l.locktime AND s.bpt_balance = 0 AND s.slope = 0 AND s.bias = 0
            """));
    }

    [Fact]
    public void Daily_balances_run_from_each_deposit_day_to_a_year_after_the_span_with_veBALs_linear_decay()
    {
        string lastDay = Convert.ToString(fixture.Scalar("""
            SELECT CAST(date_trunc('day', timezone('UTC', max("time"))) + INTERVAL 1 YEAR AS VARCHAR) FROM ethereum.blocks
            """), CultureInfo.InvariantCulture)!;
        Assert.Equal(lastDay, Convert.ToString(fixture.Scalar("SELECT CAST(max(day) AS VARCHAR) FROM balancer_ethereum.vebal_balances_day"), CultureInfo.InvariantCulture));
        // One row per wallet and day from its deposit's day on; the BPT stays locked until the withdrawal's day, veBAL
        // decays to zero at the lock's end (measured at the day's end), and lock_time is the lock's length.
        string expected = $"""
            WITH l AS ({Locks}),
            e AS (
                SELECT l.provider, CAST(d AS TIMESTAMP) AS day,
                       CASE WHEN w_block_time IS NOT NULL AND d >= date_trunc('day', timezone('UTC', w_block_time)) THEN 0 ELSE bpt END AS bpt,
                       locktime, ts
                FROM l, unnest(generate_series(date_trunc('day', timezone('UTC', l.block_time)), CAST('{lastDay}' AS TIMESTAMP), INTERVAL 1 DAY)) u(d)
            )
            SELECT count(*) FROM e JOIN balancer_ethereum.vebal_balances_day b ON b.wallet_address = e.provider AND b.day = e.day
            WHERE b.bpt_balance = e.bpt AND CAST(b.lock_time AS BIGINT) = e.locktime - e.ts
              AND abs(b.vebal_balance - greatest(e.bpt * (e.locktime - (epoch(e.day) + 86400)) / {Year}, 0)) <= 1e-9 * greatest(e.bpt, 1)
            """;
        long rows = Count("SELECT count(*) FROM balancer_ethereum.vebal_balances_day");
        Assert.True(rows > 0);
        Assert.Equal(rows, Count(expected));
        Assert.Equal(rows, Count("SELECT count(DISTINCT (day, wallet_address)) FROM balancer_ethereum.vebal_balances_day"));
        Assert.True(Count("SELECT count(*) FROM balancer_ethereum.vebal_balances_day WHERE vebal_balance > 0") > 0);
    }

    [Fact]
    public void Votes_stand_from_their_weekly_round_while_the_lock_outlasts_the_round_and_decay_with_it()
    {
        // Weekly rounds from 2022-04-07 (round 1) to the one holding the span's end, each listed (with NULLs when no vote stands).
        long rounds = Count("SELECT CAST(floor((epoch(max(\"time\")) - epoch(TIMESTAMP '2022-04-07')) / 604800) AS BIGINT) + 1 FROM ethereum.blocks");
        Assert.Equal(rounds, Count("SELECT count(DISTINCT round_id) FROM balancer_ethereum.vebal_votes"));
        Assert.Equal(rounds, Count("SELECT max(round_id) FROM balancer_ethereum.vebal_votes"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM balancer_ethereum.vebal_votes
            WHERE start_date <> TIMESTAMP '2022-04-07' + INTERVAL 7 DAY * (round_id - 1) OR end_date <> start_date + INTERVAL 7 DAY
               OR (gauge IS NULL) <> (provider IS NULL) OR (vote IS NULL) <> (provider IS NULL)
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT DISTINCT round_id FROM balancer_ethereum.vebal_votes WHERE provider IS NULL) n
            JOIN balancer_ethereum.vebal_votes v ON v.round_id = n.round_id AND v.provider IS NOT NULL
            """));
        // A vote stands in every round from the one it was cast in whose end is not after the lock's end.
        string expected = $"""
            WITH l AS ({Locks}),
            v AS (
                SELECT l.*, g.gauge_addr, CAST(g.weight AS DOUBLE) / 1e4 AS weight,
                       CAST(floor((epoch(g.evt_block_time) - epoch(TIMESTAMP '2022-04-07')) / 604800) AS BIGINT) + 1 AS first_round
                FROM l JOIN balancer_ethereum."GaugeController_evt_VoteForGauge" g ON g."user" = l.provider
            ),
            e AS (
                SELECT v.*, r AS round_id, epoch(TIMESTAMP '2022-04-07') + 604800 * r AS round_end
                FROM v, range(v.first_round, {rounds} + 1) t(r)
                WHERE epoch(TIMESTAMP '2022-04-07') + 604800 * r <= v.locktime
            )
            SELECT count(*) FROM e JOIN balancer_ethereum.vebal_votes x ON x.round_id = e.round_id AND x.provider = e.provider AND x.gauge = e.gauge_addr
            WHERE abs(x.vote - e.bpt / {Year} * (e.locktime - e.round_end) * e.weight) <= 1e-9 * e.bpt AND x.vote >= 0
            """;
        long votes = Count("SELECT count(*) FROM balancer_ethereum.vebal_votes WHERE provider IS NOT NULL");
        Assert.True(votes > 0);
        Assert.Equal(votes, Count(expected));
        Assert.Equal(votes, Count("SELECT count(DISTINCT (round_id, gauge, provider)) FROM balancer_ethereum.vebal_votes WHERE provider IS NOT NULL"));
    }
}
