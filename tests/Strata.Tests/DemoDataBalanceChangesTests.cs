using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables10: <c>tokens_&lt;chain&gt;.balances</c>, Dune's granular balances (a row per address, token and block
/// where the balance changed), against balances computed here from the raw rows they derive from: the chain's ERC-20
/// transfers and transactions (value when it succeeded, the fee always), with the demo's convention that an address holds at
/// the start what it sends over the span (as <c>balances_daily</c>), but a Uniswap V2 / SushiSwap pair on Ethereum, which holds
/// its reserves (dune-tables27).
/// </summary>
public sealed class DemoDataBalanceChangesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Zero = "0000000000000000000000000000000000000000";

    /// <summary>The columns Dune's tokens_ethereum.balances shows (a result of <c>SELECT *</c> on it: tori1624's notes).</summary>
    private const string Columns = "blockchain varchar, block_number bigint, block_time timestamp(3) with time zone, address varbinary, "
        + "token_address varbinary, token_standard varchar, balance_raw uint256, balance double, token_symbol varchar, token_id uint256, "
        + "collection_name varchar";

    [Theory]
    [InlineData("tokens_ethereum.balances")]
    [InlineData("tokens_arbitrum.balances")]
    [InlineData("tokens_polygon.balances")]
    public void Balances_have_Dunes_columns_and_types(string table) => DemoDataTests.AssertDuneColumns(fixture.Connection, table, Columns);

    /// <summary>Every move of a balance on the chain: address, token (hex), block, UTC day, amount, incoming.</summary>
    private List<(string Address, string Token, long Block, string Day, BigInteger Amount, bool In)> Moves(string chain)
    {
        var moves = new List<(string, string, long, string, BigInteger, bool)>();
        foreach (var r in fixture.Rows($"""
            SELECT hex("from"), hex("to"), hex(contract_address), CAST(value AS VARCHAR), evt_block_number, CAST(evt_block_date AS VARCHAR)
            FROM erc20_{chain}."evt_Transfer"
            """))
        {
            var amount = BigInteger.Parse(r[3], CultureInfo.InvariantCulture);
            long block = long.Parse(r[4], CultureInfo.InvariantCulture);
            moves.Add((r[0], r[2], block, r[5], amount, false));
            moves.Add((r[1], r[2], block, r[5], amount, true));
        }
        foreach (var r in fixture.Rows($"""
            SELECT hex("from"), coalesce(hex("to"), ''), CAST(value AS VARCHAR), CAST(gas_used AS VARCHAR), CAST(gas_price AS VARCHAR), success,
                   block_number, CAST(block_date AS VARCHAR)
            FROM {chain}.transactions
            """))
        {
            var value = BigInteger.Parse(r[2], CultureInfo.InvariantCulture);
            var fee = BigInteger.Parse(r[3], CultureInfo.InvariantCulture) * BigInteger.Parse(r[4], CultureInfo.InvariantCulture);
            long block = long.Parse(r[6], CultureInfo.InvariantCulture);
            if (r[5] == "True")
            {
                moves.Add((r[0], Zero, block, r[7], value, false));
                if (r[1].Length > 0)
                {
                    moves.Add((r[1], Zero, block, r[7], value, true));
                }
            }
            moves.Add((r[0], Zero, block, r[7], fee, false));
        }
        return [.. moves.Where(m => !m.Item5.IsZero && m.Item1 != Zero)];
    }

    /// <summary>(address, token, block) → (the balance after the block, its UTC day), computed from <see cref="Moves"/>.</summary>
    private Dictionary<(string Address, string Token, long Block), (BigInteger Balance, string Day)> Expected(string chain)
    {
        var expected = new Dictionary<(string, string, long), (BigInteger, string)>();
        var openings = Openings(chain);
        foreach (var holding in Moves(chain).GroupBy(m => (m.Address, m.Token)))
        {
            // The start: a Uniswap V2 / SushiSwap pair's reserve (its Mint less its Burn, before the span: dune-tables27), else
            // what the address sends over the span.
            BigInteger balance = openings.TryGetValue(holding.Key, out var reserve) ? reserve
                : holding.Where(m => !m.In).Aggregate(BigInteger.Zero, (s, m) => s + m.Amount);
            foreach (var block in holding.GroupBy(m => (m.Block, m.Day)).OrderBy(b => b.Key.Block))
            {
                balance += block.Aggregate(BigInteger.Zero, (s, m) => m.In ? s + m.Amount : s - m.Amount);
                Assert.True(balance >= 0, $"{holding.Key} at {block.Key.Block}");
                expected[(holding.Key.Address, holding.Key.Token, block.Key.Block)] = (balance, block.Key.Day);
            }
        }
        return expected;
    }

    /// <summary>(pair, token) → the pair's reserve of the token at the span's start, on Ethereum: its Mint's amount less its Burn's.</summary>
    private Dictionary<(string Address, string Token), BigInteger> Openings(string chain)
    {
        var openings = new Dictionary<(string, string), BigInteger>();
        if (chain != "ethereum")
        {
            return openings;
        }
        foreach (string schema in new[] { "uniswap_v2_ethereum", "sushi_ethereum" })
        {
            foreach (var r in fixture.Rows($"""
                SELECT hex(c.pair), hex(c.token0), hex(c.token1), CAST(m.amount0 AS VARCHAR), CAST(m.amount1 AS VARCHAR), CAST(b.amount0 AS VARCHAR), CAST(b.amount1 AS VARCHAR)
                FROM {schema}."Factory_evt_PairCreated" c
                JOIN {schema}."Pair_evt_Mint" m ON m.contract_address = c.pair JOIN {schema}."Pair_evt_Burn" b ON b.contract_address = c.pair
                """))
            {
                var v = r[3..].Select(x => BigInteger.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                openings[(r[0], r[1])] = v[0] - v[2];
                openings[(r[0], r[2])] = v[1] - v[3];
            }
        }
        return openings;
    }

    [Theory]
    [InlineData("ethereum", "ETH")]
    [InlineData("base", "ETH")]
    [InlineData("polygon", "POL")]
    public void Each_row_is_the_balance_after_a_block_that_moved_it(string chain, string native)
    {
        var expected = Expected(chain);
        var decimals = fixture.Rows($"SELECT hex(contract_address), decimals, symbol FROM tokens.erc20 WHERE blockchain = '{chain}'")
            .ToDictionary(r => r[0], r => (Decimals: int.Parse(r[1], CultureInfo.InvariantCulture), Symbol: r[2]));
        var rows = fixture.Rows($"""
            SELECT hex(address), hex(token_address), block_number, CAST(balance_raw AS VARCHAR), balance, token_standard, token_symbol,
                   blockchain, token_id IS NULL AND collection_name IS NULL
            FROM tokens_{chain}.balances
            """);
        Assert.True(rows.Count >= 100, $"{rows.Count} rows");
        Assert.Equal(expected.Count, rows.Count);
        foreach (var r in rows)
        {
            var key = (r[0], r[1], long.Parse(r[2], CultureInfo.InvariantCulture));
            Assert.True(expected.TryGetValue(key, out var want), $"no move of {key}");
            Assert.Equal(want.Balance, BigInteger.Parse(r[3], CultureInfo.InvariantCulture));
            bool isNative = r[1] == Zero;
            Assert.Equal(isNative ? "native" : "erc20", r[5]);
            Assert.Equal(isNative ? native : decimals[r[1]].Symbol, r[6]);
            Assert.Equal(chain, r[7]);
            Assert.Equal("True", r[8]);
            double units = (double)want.Balance / Math.Pow(10, isNative ? 18 : decimals[r[1]].Decimals);
            Assert.Equal(units, double.Parse(r[4], CultureInfo.InvariantCulture), Math.Max(1e-12, units * 1e-12));
        }
    }

    [Fact]
    public void A_days_last_row_is_that_days_daily_balance()
    {
        var expected = Expected("ethereum");
        var lastOfDay = expected.GroupBy(e => (e.Key.Address, e.Key.Token, e.Value.Day))
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Key.Block).Value.Balance);
        var daily = fixture.Rows("""
            SELECT hex(address), hex(token_address), CAST(day AS VARCHAR), CAST(balance_raw AS VARCHAR) FROM tokens_ethereum.balances_daily
            WHERE day = last_updated
            """);
        Assert.Equal(lastOfDay.Count, daily.Count);
        foreach (var r in daily)
        {
            Assert.Equal(lastOfDay[(r[0], r[1], r[2])], BigInteger.Parse(r[3], CultureInfo.InvariantCulture));
        }
    }
}
