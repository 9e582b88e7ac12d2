using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables9 added (spellbook's Uniswap trade models, <c>tokens.native</c>, the
/// <c>solana_utils</c> balances), run through the translator on the demo data, against answers computed here from the raw
/// rows they derive from (<c>dex.trades</c>, <c>evms.info</c>/<c>tokens.erc20</c>, <c>solana.account_activity</c>).
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>The Uniswap rows of dex.trades: UTC day, pair, taker (hex), USD amount, sold amount, pool (hex), bought/sold token (hex).</summary>
    private List<(DateOnly Day, string Pair, string Taker, double? Usd, double Sold, string Pool, string Bought, string SoldToken)> UniswapDexTrades() =>
        [.. fixture.Db.TranslatedRows("""
            SELECT strftime(block_date, '%Y-%m-%d'), token_pair, hex(taker), coalesce(amount_usd::VARCHAR, '-'), token_sold_amount::VARCHAR,
                   hex(project_contract_address), hex(token_bought_address), hex(token_sold_address)
            FROM dex.trades WHERE project = 'uniswap'
            """).Select(r => (DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), r[1], r[2],
                r[3] == "-" ? (double?)null : Number(r[3]), Number(r[4]), r[5], r[6], r[7]))];

    /// <summary>spellbook (@91dac12141): uniswap_downstream_trades' and uniswap_trades' select list; uniswap_v3_ethereum_trades.sql;
    /// solana_utils_daily_balances.sql and _latest_balances.sql; tokens_native.sql.</summary>
    [Theory]
    [InlineData("uniswap_ethereum.trades", "blockchain project version block_month block_date block_time block_number token_bought_symbol token_sold_symbol token_pair token_bought_amount_usd token_sold_amount_usd token_bought_amount token_sold_amount token_bought_amount_raw token_sold_amount_raw amount_usd token_bought_address token_sold_address taker maker project_contract_address pool_address token0_address token1_address token0_symbol token1_symbol tx_hash tx_from tx_to evt_index lp_fee_amount_usd lp_fee_amount lp_fee_amount_raw lp_fee hooks_fee_amount_usd hooks_fee_amount hooks_fee_amount_raw hooks_fee hooks")]
    [InlineData("uniswap.trades", "blockchain project version block_month block_date block_time block_number token_bought_symbol token_sold_symbol token_pair token_bought_amount_usd token_sold_amount_usd token_bought_amount token_sold_amount token_bought_amount_raw token_sold_amount_raw amount_usd token_bought_address token_sold_address taker maker project_contract_address pool_address token0_address token1_address token0_symbol token1_symbol tx_hash tx_from tx_to evt_index lp_fee_amount_usd lp_fee_amount lp_fee_amount_raw lp_fee hooks_fee_amount_usd hooks_fee_amount hooks_fee_amount_raw hooks_fee hooks")]
    [InlineData("uniswap_v3_ethereum.trades", "blockchain project version block_month block_date block_time block_number token_bought_symbol token_sold_symbol token_pair token_bought_amount token_sold_amount token_bought_amount_raw token_sold_amount_raw amount_usd token_bought_address token_sold_address taker maker project_contract_address fee tx_hash tx_from tx_to evt_index")]
    [InlineData("solana_utils.daily_balances", "day month address sol_balance token_mint_address token_balance token_balance_owner block_time block_slot unique_address_key updated_at")]
    [InlineData("solana_utils.latest_balances", "address block_time block_slot sol_balance token_balance token_mint_address token_balance_owner updated_at")]
    [InlineData("tokens.native", "chain symbol price_symbol price_address decimals")]
    public void Spellbook_models_have_spellbooks_columns_in_order(string table, string columns)
    {
        var names = fixture.Db.TranslatedRows($"SELECT column_name FROM (DESCRIBE {table})").Select(r => r[0]);
        Assert.Equal(columns.Split(' '), names);
    }

    [Fact]
    public void Uniswap_top_pairs_by_month_count_the_uniswap_rows_of_dex_trades()
    {
        var trades = UniswapDexTrades();
        Assert.True(trades.Count >= 50, $"{trades.Count} trades");
        var counts = trades.GroupBy(t => t.Pair).Select(g => (Pair: g.Key, Count: g.Count())).OrderByDescending(p => p.Count).ToList();
        // `order by 2 desc limit 20`: a pair tied with the 20th may or may not be in; every pair counted more is
        int boundary = counts.Count > 20 ? counts[19].Count : 0;
        var rows = fixture.Db.Rows(CorpusReal("ms_defi_uniswap_top_pairs.sql"));
        output.WriteLine($"{trades.Count} trades, {counts.Count} pairs; {rows.Count} rows");
        Assert.Subset(rows.Select(r => r[1]).ToHashSet(), counts.Where(p => p.Count > boundary).Select(p => p.Pair).ToHashSet());
        Assert.Equal(Math.Min(20, counts.Count), rows.Select(r => r[1]).Distinct().Count());
        foreach (var r in rows)
        {
            var month = DateOnly.Parse(r[0], CultureInfo.InvariantCulture);
            var group = trades.Where(t => t.Pair == r[1] && new DateOnly(t.Day.Year, t.Day.Month, 1) == month).ToList();
            Assert.Equal(group.Count, int.Parse(r[2], CultureInfo.InvariantCulture));
            Assert.Equal(group.Select(t => t.Taker).Distinct().Count(), int.Parse(r[3], CultureInfo.InvariantCulture));
            double usd = group.Sum(t => t.Usd ?? 0);
            Assert.Equal(usd, Number(r[4]), Math.Max(1e-9, usd * 1e-9));
        }
        Assert.Equal(rows.OrderBy(r => DateOnly.Parse(r[0], CultureInfo.InvariantCulture)).ThenBy(r => r[1], StringComparer.Ordinal).Select(r => r[1]),
            rows.Select(r => r[1]));
    }

    /// <summary>The V3 query verbatim, and the same query over the V2 view: each version's view is the Uniswap rows of that
    /// version of dex.trades (V3's at the pools of its PoolCreated); the demo's Uniswap trades are all V2 (dune-tables10), so
    /// the V3 answer is empty and the V2 one classifies the takers.</summary>
    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public void Uniswap_user_status_classifies_each_months_takers_of_its_version(string version)
    {
        var pools = fixture.Db.TranslatedRows("SELECT hex(pool) FROM uniswap_v3_ethereum.\"Factory_evt_PoolCreated\"").Select(r => r[0]).ToHashSet();
        var active = fixture.Db.TranslatedRows($"""
                SELECT strftime(block_date, '%Y-%m-%d'), hex(taker), hex(project_contract_address)
                FROM dex.trades WHERE project = 'uniswap' AND version = '{version}'
                """)
            .Where(r => version == "2" || pools.Contains(r[2]))
            .Select(r => (Taker: r[1], Day: DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Select(t => (t.Taker, Month: new DateOnly(t.Day.Year, t.Day.Month, 1)))
            .ToHashSet();
        Assert.Equal(version == "2", active.Count > 0);
        var first = active.GroupBy(a => a.Taker).ToDictionary(g => g.Key, g => g.Min(a => a.Month));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var statuses = new Dictionary<(DateOnly Month, string Taker), string>();
        void Add(DateOnly month, string taker, string status)
        {
            string[] order = ["New", "Retained", "Churned", "Returned"];
            if (month < today && (!statuses.TryGetValue((month, taker), out var had) || Array.IndexOf(order, status) < Array.IndexOf(order, had)))
            {
                statuses[(month, taker)] = status;
            }
        }
        foreach (var (taker, month) in active)
        {
            bool before = active.Contains((taker, month.AddMonths(-1)));
            Add(month, taker, first[taker] == month ? "New" : before ? "Retained" : "Returned");
            if (!active.Contains((taker, month.AddMonths(1))))
            {
                Add(month.AddMonths(1), taker, "Churned");
            }
        }
        var expected = statuses.GroupBy(s => (s.Key.Month, s.Value)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => (g.Key.Month, g.Key.Value, g.Key.Value == "Churned" ? -g.Count() : g.Count())).ToList();
        var rows = fixture.Db.Rows(CorpusReal("ms_defi_uniswap_v3_user_status.sql").Replace("uniswap_v3_ethereum.trades", $"uniswap_v{version}_ethereum.trades", StringComparison.Ordinal));
        output.WriteLine(string.Join("; ", rows.Select(r => string.Join(" | ", r))));
        Assert.Equal(expected, rows.Select(r => (DateOnly.FromDateTime(DateTime.Parse(r[0], CultureInfo.InvariantCulture)), r[1],
            int.Parse(r[2], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Uniswap_ethereum_trades_add_pools_tokens_and_fees_to_the_dex_rows()
    {
        var trades = UniswapDexTrades();
        var rows = fixture.Db.TranslatedRows("""
            SELECT hex(pool_address), hex(project_contract_address), hex(token0_address), hex(token1_address), token_sold_amount::VARCHAR,
                   lp_fee_amount::VARCHAR, lp_fee::VARCHAR, coalesce(token_sold_amount_usd::VARCHAR, '-'), coalesce(lp_fee_amount_usd::VARCHAR, '-'),
                   hex(token_bought_address), hex(token_sold_address), version
            FROM uniswap_ethereum.trades
            """);
        Assert.Equal(trades.Count, rows.Count);
        Assert.Equal(rows.Count, int.Parse(fixture.Db.Scalar("SELECT count(*) FROM uniswap.trades"), CultureInfo.InvariantCulture));
        var pairs = fixture.Db.TranslatedRows("SELECT hex(pair), hex(token0), hex(token1) FROM uniswap_v2_ethereum.\"Factory_evt_PairCreated\"")
            .ToDictionary(r => r[0], r => (r[1], r[2]));
        foreach (var r in rows)
        {
            Assert.Equal(r[1], r[0]);
            Assert.Equal(pairs[r[0]], (r[2], r[3]));
            Assert.Equal(new[] { r[9], r[10] }.Order(StringComparer.Ordinal), new[] { r[2], r[3] }.Order(StringComparer.Ordinal));
            Assert.Equal(Number(r[4]) * 0.003, Number(r[5]), Math.Abs(Number(r[4])) * 1e-12);
            Assert.Equal(0.3, Number(r[6]), 1e-12);
            if (r[7] != "-")
            {
                Assert.Equal(Number(r[7]) * 0.003, Number(r[8]), Math.Abs(Number(r[7])) * 1e-9);
            }
            Assert.Equal("2", r[11]);
        }
        // Each version's view shows its own version's trades only: the demo's Uniswap trades are V2's.
        Assert.Equal(rows.Count, int.Parse(fixture.Db.Scalar("SELECT count(*) FROM uniswap_v2_ethereum.trades WHERE version = '2'"), CultureInfo.InvariantCulture));
        Assert.Equal("0", fixture.Db.Scalar("SELECT count(*) FROM uniswap_v3_ethereum.trades"));
    }

    [Fact]
    public void Tokens_native_prices_each_chains_native_token_by_its_wrapped_token()
    {
        var erc20 = fixture.Db.TranslatedRows("SELECT blockchain, hex(contract_address), symbol, decimals::VARCHAR FROM tokens.erc20 WHERE blockchain IS NOT NULL")
            .GroupBy(r => (r[0], r[1])).ToDictionary(g => g.Key, g => g.First());
        var expected = fixture.Db.TranslatedRows("SELECT blockchain, native_token_symbol, hex(wrapped_native_token_address) FROM evms.info WHERE wrapped_native_token_address IS NOT NULL AND is_on_dune")
            .Select(r => erc20.TryGetValue((r[0], r[2]), out var t) ? $"{r[0]}|{r[1]}|{t[2]}|{r[2]}|{t[3]}" : $"{r[0]}|{r[1]}|NULL|{r[2]}|NULL")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Contains("ethereum|ETH|WETH|C02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2|18", expected);
        var rows = fixture.Db.Rows(CorpusReal("gt_views_tokens_native.sql"));
        Assert.Equal(expected, rows.Select(r => string.Join('|', r[0], r[1], r[2] == "" ? "NULL" : r[2], r[3][2..].ToUpperInvariant(), r[4] == "" ? "NULL" : r[4]))
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Solana_daily_and_latest_balances_are_each_days_last_change_of_account_activity()
    {
        var activity = fixture.Db.TranslatedRows("""
            SELECT address, strftime(block_time AT TIME ZONE 'UTC', '%Y-%m-%d'), block_slot::VARCHAR, tx_index::VARCHAR, post_balance::VARCHAR,
                   coalesce(post_token_balance::VARCHAR, '-'), coalesce(token_mint_address, '-'), coalesce(token_balance_owner, '-')
            FROM solana.account_activity
            WHERE tx_success AND (balance_change <> 0 OR coalesce(token_balance_change, 0) <> 0)
            """);
        var expected = activity.GroupBy(r => (r[0], r[1]))
            .Select(g => g.MaxBy(r => (long.Parse(r[2], CultureInfo.InvariantCulture), int.Parse(r[3], CultureInfo.InvariantCulture)))!)
            .ToDictionary(r => (r[0], r[1]));
        Assert.True(expected.Count >= 50, $"{expected.Count} address-days");
        var rows = fixture.Db.TranslatedRows("""
            SELECT address, strftime("day" AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S'), block_slot::VARCHAR, sol_balance::VARCHAR, token_balance::VARCHAR,
                   coalesce(token_mint_address, '-'), coalesce(token_balance_owner, '-'), unique_address_key
            FROM solana_utils.daily_balances
            """);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var r in rows)
        {
            Assert.EndsWith(" 00:00:00", r[1], StringComparison.Ordinal);
            var a = expected[(r[0], r[1][..10])];
            Assert.Equal(a[2], r[2]);
            Assert.Equal(Number(a[4]) / 1e9, Number(r[3]), 1e-12);
            Assert.Equal(a[5] == "-" ? 0 : Number(a[5]), Number(r[4]), 1e-9);
            Assert.Equal((a[6], a[7]), (r[5], r[6]));
            string key = $"{r[0]}-{(r[5] == "-" ? "_dbt_utils_surrogate_key_null_" : r[5])}-{r[1]}.000 UTC";
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key))), r[7]);
        }
        // latest_balances: each address's last day
        var latest = fixture.Db.TranslatedRows("SELECT address, block_slot::VARCHAR FROM solana_utils.latest_balances").ToDictionary(r => r[0], r => r[1]);
        var lastDays = expected.Values.GroupBy(a => a[0]).ToDictionary(g => g.Key, g => g.MaxBy(a => a[1])![2]);
        Assert.Equal(lastDays.OrderBy(p => p.Key, StringComparer.Ordinal), latest.OrderBy(p => p.Key, StringComparer.Ordinal));
        // token_accounts: one row per token account, its mint and owner as account_activity shows them
        var accounts = fixture.Db.TranslatedRows("SELECT address, token_mint_address, token_balance_owner, account_type FROM solana_utils.token_accounts");
        Assert.Equal(accounts.Count, accounts.Select(r => r[0]).Distinct().Count());
        Assert.All(accounts, r => Assert.Equal("spl_token", r[3]));
    }
}
