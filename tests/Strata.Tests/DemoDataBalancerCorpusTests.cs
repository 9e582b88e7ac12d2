using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild7: real Balancer dashboard queries of the corpus (gustavobftorres/dune-queries, verbatim) run on the
/// demo data give the answer computed here from the spell's rows (an aggregation in C#, not SQL).
/// </summary>
public sealed class DemoDataBalancerCorpusTests(DemoDuneSqlFixture fixture) : IClassFixture<DemoDuneSqlFixture>
{
    private static string Corpus(string file, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "DuneSql", "corpus-real", file));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Top_100_daily_volume_by_pool_is_the_largest_day_chain_and_pool_sums_of_balancer_trades()
    {
        var rows = fixture.Db.Rows(Corpus("gq_top_100_daily_volume_by_pool_3671248.sql"));
        var groups = fixture.Db.Rows("SELECT block_date, blockchain, project_contract_address, amount_usd FROM balancer.trades")
            .GroupBy(r => (r[0], r[1], r[2]))
            .ToDictionary(g => g.Key, g => g.Sum(r => D(r[3])));
        var expected = groups.Values.OrderDescending().Take(100).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            // The i-th largest sum, and the sum of the row's own day, chain and pool.
            Assert.Equal(expected[i], D(rows[i][3]), expected[i] * 1e-9);
            Assert.Equal(groups[(rows[i][0], rows[i][1], rows[i][2])], D(rows[i][3]), expected[i] * 1e-9);
        }
    }

    [Fact]
    public void Tvl_by_chain_is_the_sum_of_protocol_liquidity_per_day_and_chain()
    {
        var rows = fixture.Db.Rows(Corpus("gq_tvl_by_chain_last_30_days_3590605.sql"));
        var all = fixture.Db.Rows("SELECT day, blockchain, protocol_liquidity_usd, day > now() - interval '30' day FROM balancer.liquidity");
        var expected = all.Where(r => r[3] == "true")
            .GroupBy(r => (r[0], r[1]))
            .ToDictionary(g => g.Key, g => g.Sum(r => D(r[2])));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(expected[(r[0], r[1])], D(r[2]), expected[(r[0], r[1])] * 1e-9));
        // Ordered by day, then TVL descending.
        for (int i = 1; i < rows.Count; i++)
        {
            int day = string.CompareOrdinal(rows[i - 1][0], rows[i][0]);
            Assert.True(day < 0 || day == 0 && D(rows[i - 1][2]) >= D(rows[i][2]), $"row {i}");
        }
    }

    /// <summary>Branch dune-wild12: gustavobftorres' "veBAL Votes by Gauge Table" (query 2283263) over the demo's
    /// <c>balancer_ethereum.vebal_votes</c>: a row per round and gauge with the sum of its votes and its share of the round's.</summary>
    [Fact]
    public void Vebal_votes_by_gauge_are_each_rounds_gauge_sums_and_shares_of_vebal_votes()
    {
        var rows = fixture.Db.Rows(Corpus("gq_vebal_votes_by_gauge_table_2283263.sql"));
        var votes = fixture.Db.Rows("SELECT round_id, to_hex(gauge), vote FROM balancer_ethereum.vebal_votes WHERE gauge IS NOT NULL");
        Assert.NotEmpty(votes);
        var sums = votes.GroupBy(r => (Round: long.Parse(r[0], CultureInfo.InvariantCulture), Gauge: r[1].ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.Sum(r => D(r[2])));
        var totals = sums.GroupBy(p => p.Key.Round).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        // Rounds with no vote standing give one row of NULLs each (the spell's rounds without a vote); the rest are the sums.
        var voted = rows.Where(r => r[4] is not (null or "" or "NULL")).ToList();
        Assert.Equal(sums.Count, voted.Count);
        foreach (var r in voted)
        {
            long round = long.Parse(r[0], CultureInfo.InvariantCulture);
            var match = sums.Where(p => p.Key.Round == round && r[3] == "0x" + p.Key.Gauge[..4] + "..." + p.Key.Gauge[36..40]
                && Math.Abs(p.Value - D(r[4])) <= 1e-9 * Math.Abs(p.Value)).ToList();
            Assert.NotEmpty(match);
            Assert.Equal(D(r[4]) / totals[round], D(r[5]), 1e-9);
        }
        // Newest round first, then the largest votes.
        for (int i = 1; i < voted.Count; i++)
        {
            long a = long.Parse(voted[i - 1][0], CultureInfo.InvariantCulture), b = long.Parse(voted[i][0], CultureInfo.InvariantCulture);
            Assert.True(a > b || a == b && D(voted[i - 1][4]) >= D(voted[i][4]), $"row {i}");
        }
    }

    /// <summary>Branch dune-wild13: gustavobftorres' "Current vlAURA balances" (query 4004772) over the demo's
    /// <c>aura_finance_ethereum.AuraLocker_evt_Staked</c> / <c>_Withdrawn</c>: the current weekly round (from 2022-06-16),
    /// all locked AURA less what has unlocked (a lock 17 rounds after its own, a withdrawal a round after), as one row for
    /// the demo's wallets (none is a named provider, and the demo's veBAL has no Aura voter, so its veBAL is NULL).</summary>
    [Fact]
    public void Current_vlaura_balances_are_the_locks_less_withdrawals_and_what_has_unlocked_by_this_round()
    {
        var rows = fixture.Db.Rows(Corpus("gq_current_vlaura_balances_4004772.sql"));
        DateTime today = DateTime.UtcNow.Date;
        long round = (long)(today - new DateTime(2022, 6, 16, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 7 + 1;
        static long RoundOf(string unix) => (long.Parse(unix, CultureInfo.InvariantCulture) / 86400 - 19159) / 7 + 1;
        var locks = fixture.Db.Rows("SELECT CAST(to_unixtime(evt_block_time) AS bigint), CAST(_lockedAmount AS double) FROM aura_finance_ethereum.AuraLocker_evt_Staked")
            .Select(r => (Round: RoundOf(r[0]), Amount: D(r[1]) / 1e18, Unlocks: 17L)).ToList();
        var withdrawals = fixture.Db.Rows("SELECT CAST(to_unixtime(evt_block_time) AS bigint), CAST(_amount AS double) FROM aura_finance_ethereum.AuraLocker_evt_Withdrawn")
            .Select(r => (Round: RoundOf(r[0]), Amount: -D(r[1]) / 1e18, Unlocks: 1L)).ToList();
        Assert.NotEmpty(locks);
        Assert.NotEmpty(withdrawals);
        var all = locks.Concat(withdrawals).ToList();
        double total = all.Sum(e => e.Amount), unlockable = all.Where(e => e.Round + e.Unlocks < round).Sum(e => e.Amount);
        Assert.True(total - unlockable > 0);
        var row = Assert.Single(rows);
        Assert.Equal(round.ToString(CultureInfo.InvariantCulture), row[0]);
        Assert.Equal((round + 10).ToString(CultureInfo.InvariantCulture), row[1]);
        Assert.Equal("Others", row[2]);
        Assert.Equal(total, D(row[3]), total * 1e-9);
        Assert.Equal(unlockable, D(row[4]), total * 1e-9);
        Assert.Equal(total - unlockable, D(row[5]), total * 1e-9);
        Assert.Equal(1.0, D(row[6]), 1e-9);
        Assert.True(row[7] is null or "" or "NULL", row[7]);
    }
    /// <summary>Branch dune-wild14: gustavobftorres' "Buffer Balances" (query 4549390): every wrap and unwrap of the
    /// Ethereum and Gnosis buffers with the buffer's balances after it (read from the packed <c>bufferBalances</c> word) —
    /// here replayed from the buffer's seed, the operations' amounts and the owner's removal, in block and log order.</summary>
    [Fact]
    public void Buffer_balances_are_each_buffers_seed_plus_its_wraps_and_unwraps_less_its_removal()
    {
        var rows = fixture.Db.Rows(Corpus("gq_buffer_balances_4549390.sql"));
        var mapping = fixture.Db.Rows("SELECT blockchain, to_hex(erc4626_token), erc4626_token_symbol, decimals FROM balancer_v3.erc4626_token_mapping")
            .ToDictionary(r => (r[0], r[1]), r => (Symbol: r[2], Decimals: int.Parse(r[3], CultureInfo.InvariantCulture)));
        var expected = new List<(string Chain, string Symbol, string Event, double Wrapped, double Underlying, double Value)>();
        foreach (string chain in new[] { "ethereum", "gnosis" })
        {
            // (token, block, log index, kind, underlying amount, wrapped amount)
            var events = fixture.Db.Rows($"""
                SELECT to_hex(wrappedToken), 0, 0, 'seed', CAST(amountUnderlying AS varchar), CAST(amountWrapped AS varchar) FROM balancer_v3_{chain}.Vault_evt_LiquidityAddedToBuffer
                UNION ALL SELECT to_hex(wrappedToken), evt_block_number, evt_index, 'wrap', CAST(depositedUnderlying AS varchar), CAST(mintedShares AS varchar) FROM balancer_v3_{chain}.Vault_evt_Wrap
                UNION ALL SELECT to_hex(wrappedToken), evt_block_number, evt_index, 'unwrap', CAST(withdrawnUnderlying AS varchar), CAST(burnedShares AS varchar) FROM balancer_v3_{chain}.Vault_evt_Unwrap
                UNION ALL SELECT to_hex(wrappedToken), evt_block_number, evt_index, 'remove', CAST(amountUnderlying AS varchar), CAST(amountWrapped AS varchar) FROM balancer_v3_{chain}.Vault_evt_LiquidityRemovedFromBuffer
                """);
            foreach (var token in events.GroupBy(e => e[0]))
            {
                var (symbol, decimals) = mapping[(chain, token.Key)];
                double scale = Math.Pow(10, decimals);
                BigInteger u = 0, w = 0;
                foreach (var e in token.OrderBy(e => long.Parse(e[1], CultureInfo.InvariantCulture)).ThenBy(e => long.Parse(e[2], CultureInfo.InvariantCulture)))
                {
                    BigInteger a = BigInteger.Parse(e[4], CultureInfo.InvariantCulture), b = BigInteger.Parse(e[5], CultureInfo.InvariantCulture);
                    (u, w) = e[3] switch { "seed" => (a, b), "wrap" => (u + a, w - b), "unwrap" => (u - a, w + b), _ => (u - a, w - b) };
                    if (e[3] is "wrap" or "unwrap")
                    {
                        expected.Add((chain, symbol, e[3], (double)w / scale, (double)u / scale, (double)a / scale));
                    }
                }
            }
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        // Columns: blockchain, event, evt_block_time, erc4626_token_symbol, underlying_token_symbol, erc4626_balance, underlying_balance, value, ...
        var actual = rows.Select(r => (Chain: r[0], Symbol: r[3], Event: r[1], Wrapped: D(r[5]), Underlying: D(r[6]), Value: D(r[7]))).ToList();
        static string Key((string Chain, string Symbol, string Event, double Wrapped, double Underlying, double Value) r) =>
            string.Join('|', r.Chain, r.Symbol, r.Event, r.Value.ToString("E9", CultureInfo.InvariantCulture));
        foreach (var group in expected.GroupBy(Key))
        {
            var mine = actual.Where(r => Key(r) == group.Key).OrderBy(r => r.Wrapped).ToList();
            var theirs = group.OrderBy(r => r.Wrapped).ToList();
            Assert.Equal(theirs.Count, mine.Count);
            for (int i = 0; i < mine.Count; i++)
            {
                Assert.Equal(theirs[i].Wrapped, mine[i].Wrapped, theirs[i].Wrapped * 1e-12);
                Assert.Equal(theirs[i].Underlying, mine[i].Underlying, theirs[i].Underlying * 1e-12);
            }
        }
    }
}
