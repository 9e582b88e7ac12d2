using System.Globalization;
using System.Numerics;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables27: the Uniswap V2 / SushiSwap pairs price every swap by the constant-product rule with the 0.3% fee, keep
/// their reserves within uint112, emit a Sync of the reserves after every Swap, Mint and Burn, and hold their reserves as their
/// token balances; the blocks' excess blob gas follows EIP-7918's reserve price after Fusaka. Each property is worked out here
/// from the rows and asserted over all of them.
/// </summary>
public sealed class DemoDataTables27Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly BigInteger Uint112Max = (BigInteger.One << 112) - 1;

    private static BigInteger Big(string s) => BigInteger.Parse(s, CultureInfo.InvariantCulture);

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A pair's events in chain order with the reserves after each (the Sync the pair emitted with it), keyed by pair.</summary>
    private Dictionary<string, Dictionary<string, (BigInteger R0, BigInteger R1)>> Syncs(string schema) =>
        fixture.Rows($"""
            SELECT hex(contract_address), hex(evt_tx_hash), evt_index, CAST(reserve0 AS VARCHAR), CAST(reserve1 AS VARCHAR)
            FROM {schema}."Pair_evt_Sync"
            """).GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => $"{r[1]}|{r[2]}", r => (Big(r[3]), Big(r[4])), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Replayed from each pair's Mint and Burn: every Swap pays one token in and gets UniswapV2Library.getAmountOut of it at the
    /// reserves before it, exactly (integer division); the pair's own check holds, (1000 r0' - 3 in0)(1000 r1' - 3 in1) &gt;= 1000^2 r0 r1,
    /// so k never falls; the reserves stay within uint112; and the Sync logged just before each Swap, Mint and Burn (the log index
    /// before it) holds the reserves after it.
    /// </summary>
    [Theory]
    [InlineData("uniswap_v2_ethereum")]
    [InlineData("sushi_ethereum")]
    public void Swaps_follow_the_constant_product_rule_with_the_fee(string schema)
    {
        var syncs = Syncs(schema);
        var reserves = new Dictionary<string, (BigInteger R0, BigInteger R1)>(StringComparer.Ordinal);
        var events = new List<(long Block, long Index, string Table, string[] Row)>();
        foreach (string table in new[] { "Mint", "Burn" })
        {
            events.AddRange(fixture.Rows($"""
                SELECT evt_block_number, evt_index, hex(contract_address), hex(evt_tx_hash), CAST(amount0 AS VARCHAR), CAST(amount1 AS VARCHAR)
                FROM {schema}."Pair_evt_{table}"
                """).Select(r => (Long(r[0]), Long(r[1]), table, r)));
        }
        events.AddRange(fixture.Rows($"""
            SELECT evt_block_number, evt_index, hex(contract_address), hex(evt_tx_hash), CAST("amount0In" AS VARCHAR), CAST("amount1In" AS VARCHAR),
                   CAST("amount0Out" AS VARCHAR), CAST("amount1Out" AS VARCHAR)
            FROM {schema}."Pair_evt_Swap"
            """).Select(r => (Long(r[0]), Long(r[1]), "Swap", r)));
        int swaps = 0;
        foreach (var (_, index, table, r) in events.OrderBy(e => e.Block).ThenBy(e => e.Index))
        {
            string pair = r[2];
            var v = r[4..].Select(Big).ToArray();
            var (r0, r1) = reserves.GetValueOrDefault(pair);
            (BigInteger, BigInteger) after;
            if (table == "Swap")
            {
                swaps++;
                Assert.True(v[0].IsZero != v[1].IsZero && v[0].IsZero == v[3].IsZero && v[1].IsZero == v[2].IsZero, $"{r[3]}: one token in, the other out");
                BigInteger paid = v[0] + v[1], got = v[2] + v[3];
                var (reserveIn, reserveOut) = v[0].IsZero ? (r1, r0) : (r0, r1);
                Assert.Equal(paid * 997 * reserveOut / (reserveIn * 1000 + paid * 997), got);
                Assert.True(got > 0, $"{r[3]}: nothing out");
                after = (r0 + v[0] - v[2], r1 + v[1] - v[3]);
                Assert.True((after.Item1 * 1000 - v[0] * 3) * (after.Item2 * 1000 - v[1] * 3) >= r0 * r1 * 1_000_000, $"{r[3]}: k fell");
                Assert.True(after.Item1 * after.Item2 >= r0 * r1, $"{r[3]}: k fell");
            }
            else
            {
                after = table == "Mint" ? (r0 + v[0], r1 + v[1]) : (r0 - v[0], r1 - v[1]);
            }
            Assert.True(after.Item1 > 0 && after.Item2 > 0 && after.Item1 <= Uint112Max && after.Item2 <= Uint112Max, $"{r[3]}: reserves {after}");
            reserves[pair] = after;
            Assert.Equal(after, syncs[pair][$"{r[3]}|{index - 1}"]);
        }
        Assert.True(swaps > 50, $"{swaps} swaps");
        Assert.Equal(events.Count, syncs.Values.Sum(s => s.Count));
    }

    /// <summary>
    /// A pair's token balances (tokens_ethereum.balances, after each block that moved them, and balances_daily, after each day) are its
    /// reserves after the last Sync of that block (day): the liquidity came before the span, and every swap's transfers in and out
    /// leave the pair holding what its Sync says.
    /// </summary>
    [Fact]
    public void Pair_balances_are_their_reserves()
    {
        var tokens = fixture.Rows("""
            SELECT hex(pair), hex(token0), hex(token1) FROM uniswap_v2_ethereum."Factory_evt_PairCreated"
            UNION ALL SELECT hex(pair), hex(token0), hex(token1) FROM sushi_ethereum."Factory_evt_PairCreated"
            """).ToDictionary(r => r[0], r => (T0: r[1], T1: r[2]), StringComparer.Ordinal);
        var byBlock = new Dictionary<string, (BigInteger, BigInteger)>(StringComparer.Ordinal);
        var byDay = new Dictionary<string, (BigInteger, BigInteger)>(StringComparer.Ordinal);
        foreach (string schema in new[] { "uniswap_v2_ethereum", "sushi_ethereum" })
        {
            foreach (var r in fixture.Rows($"""
                SELECT hex(contract_address), evt_block_number, CAST(evt_block_date AS VARCHAR), CAST(reserve0 AS VARCHAR), CAST(reserve1 AS VARCHAR)
                FROM {schema}."Pair_evt_Sync" ORDER BY evt_block_number, evt_index
                """))
            {
                byBlock[$"{r[0]}|{r[1]}"] = (Big(r[3]), Big(r[4]));
                byDay[$"{r[0]}|{r[2]}"] = (Big(r[3]), Big(r[4]));
            }
        }
        var balances = fixture.Rows("""
            SELECT hex(address), block_number, hex(token_address), CAST(balance_raw AS VARCHAR) FROM tokens_ethereum.balances WHERE token_standard = 'erc20'
            """).Where(r => tokens.ContainsKey(r[0])).ToList();
        Assert.True(balances.Count > 50, $"{balances.Count} pair balances");
        foreach (var r in balances)
        {
            var (r0, r1) = byBlock[$"{r[0]}|{r[1]}"];
            Assert.Equal(r[2] == tokens[r[0]].T0 ? r0 : r1, Big(r[3]));
        }
        // every block of the span in which a pair swapped has the balance of both its tokens
        long start = Convert.ToInt64(fixture.Scalar("SELECT min(number) FROM ethereum.blocks"), CultureInfo.InvariantCulture);
        Assert.Equal(byBlock.Keys.Count(k => Long(k.Split('|')[1]) >= start) * 2, balances.Count);
        var daily = fixture.Rows("""
            SELECT hex(address), CAST(day AS VARCHAR), hex(token_address), CAST(balance_raw AS VARCHAR), last_updated = day
            FROM tokens_ethereum.balances_daily WHERE token_standard = 'erc20'
            """).Where(r => tokens.ContainsKey(r[0]) && r[4] == "True").ToList();
        Assert.NotEmpty(daily);
        foreach (var r in daily)
        {
            var (r0, r1) = byDay[$"{r[0]}|{r[1]}"];
            Assert.Equal(r[2] == tokens[r[0]].T0 ? r0 : r1, Big(r[3]));
        }
    }

    /// <summary>dex.trades' Uniswap V2 and SushiSwap rows (and uniswap_v2_ethereum.trades) carry the Swap events' amounts, none past
    /// uint112; no meme token (amounts of 10^30 and more) trades through a pair.</summary>
    [Fact]
    public void Dex_trades_carry_the_priced_swaps()
    {
        Assert.Equal(0L, fixture.Scalar("""
            SELECT count(*) FROM dex.trades d
            LEFT JOIN (SELECT * FROM uniswap_v2_ethereum."Pair_evt_Swap" UNION ALL SELECT * FROM sushi_ethereum."Pair_evt_Swap") s
              ON s.evt_tx_hash = d.tx_hash AND s.evt_index = d.evt_index
            WHERE d.blockchain = 'ethereum'
              AND (s.evt_tx_hash IS NULL OR d.token_sold_amount_raw <> s."amount0In" + s."amount1In" OR d.token_bought_amount_raw <> s."amount0Out" + s."amount1Out")
            """));
        Assert.Equal(0L, fixture.Scalar($"""
            SELECT count(*) FROM dex.trades
            WHERE blockchain = 'ethereum' AND (token_sold_amount_raw > '{Uint112Max}'::BIGNUM OR token_bought_amount_raw > '{Uint112Max}'::BIGNUM)
            """));
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM dex.trades WHERE project = 'uniswap' AND blockchain = 'ethereum'"),
            fixture.Scalar("SELECT count(*) FROM uniswap_v2_ethereum.trades t JOIN uniswap_v2_ethereum.\"Pair_evt_Swap\" s ON s.evt_tx_hash = t.tx_hash AND s.evt_index = t.evt_index AND t.token_bought_amount_raw = s.\"amount0Out\" + s.\"amount1Out\""));
    }

    /// <summary>EIP-4844's fake_exponential(1, excess, fraction).</summary>
    internal static BigInteger FakeExponential(BigInteger excess, long fraction)
    {
        BigInteger output = 0, accumulator = fraction;
        for (int i = 1; accumulator > 0; i++)
        {
            output += accumulator;
            accumulator = accumulator * excess / (fraction * i);
        }
        return output / fraction;
    }

    /// <summary>(target, max, update fraction) of a block's fork (Pectra, BPO1, BPO2 by spellbook's blocks).</summary>
    internal static (long Target, long Max, long Fraction) Schedule(long n) =>
        n >= 24_179_383 ? (14, 21, 11_684_671) : n >= 23_975_778 ? (10, 15, 8_346_193) : n >= 22_431_084 ? (6, 9, 5_007_716) : (3, 6, 3_338_477);

    /// <summary>EIP-7918's calc_excess_blob_gas (Fusaka, block 23,935,694 on), EIP-4844's before; and which branch it took.</summary>
    internal static (long Excess, string Branch) NextExcess(long n, long excess, long used, long baseFee)
    {
        const long PerBlob = 131_072;
        var (target, max, fraction) = Schedule(n);
        if (excess + used < target * PerBlob)
        {
            return (0, "zero");
        }
        if (n >= 23_935_694 && 8192 * (BigInteger)baseFee > PerBlob * FakeExponential(excess, fraction))
        {
            return (excess + used * (max - target) / max, "reserve");
        }
        return (excess + used - target * PerBlob, "4844");
    }

    /// <summary>
    /// Block by block, the excess blob gas is EIP-7918's calc_excess_blob_gas of the parent (its excess, blob gas used and base fee):
    /// below the reserve price (BLOB_BASE_COST 2^13 times the base fee against 2^17 times the blob base fee) the excess grows by the
    /// parent's blob gas times (max - target) / max; above it, EIP-4844's rule; every branch is taken, and the span starts at the
    /// least excess whose fee meets the first block's reserve price. The blob base fee therefore stays near or above a sixteenth of
    /// the base fee.
    /// </summary>
    [Fact]
    public void Excess_blob_gas_follows_EIP_7918s_reserve_price()
    {
        var blocks = fixture.Rows("SELECT number, excess_blob_gas, blob_gas_used, base_fee_per_gas FROM ethereum.blocks ORDER BY number")
            .Select(r => (N: Long(r[0]), Excess: Long(r[1]), Used: Long(r[2]), BaseFee: Long(r[3]))).ToList();
        var branches = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 1; k < blocks.Count; k++)
        {
            var p = blocks[k - 1];
            var (excess, branch) = NextExcess(blocks[k].N, p.Excess, p.Used, p.BaseFee);
            Assert.Equal(excess, blocks[k].Excess);
            branches[branch] = branches.GetValueOrDefault(branch) + 1;
        }
        Assert.True(branches.GetValueOrDefault("reserve") > 100 && branches.GetValueOrDefault("4844") > blocks.Count / 10,
            string.Join(", ", branches.Select(b => $"{b.Key} {b.Value}")));
        var first = blocks[0];
        long fraction = Schedule(first.N).Fraction;
        Assert.True(131_072 * FakeExponential(first.Excess, fraction) >= 8192 * (BigInteger)first.BaseFee);
        Assert.True(131_072 * FakeExponential(first.Excess - 1, fraction) < 8192 * (BigInteger)first.BaseFee);
        // the fee is at least half the reserve price (a sixteenth of the base fee) on nine blocks in ten
        int near = blocks.Count(b => 2 * 131_072 * FakeExponential(b.Excess, Schedule(b.N).Fraction) >= 8192 * (BigInteger)b.BaseFee);
        Assert.True(near > blocks.Count * 9 / 10, $"{near} of {blocks.Count} blocks near or above the reserve price");
    }
}
