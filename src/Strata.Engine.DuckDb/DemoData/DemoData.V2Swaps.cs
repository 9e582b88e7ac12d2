using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The Uniswap V2 / SushiSwap swaps priced by the pairs' constant-product rule, as UniswapV2Pair and UniswapV2Library compute
/// them: <c>amountOut = amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997)</c> (integer division: the 0.3% fee
/// stays in the pair), so <c>reserve0 * reserve1</c> never falls on a swap.
/// <list type="bullet">
/// <item>Each pair's liquidity is added before the span (<c>Pair_evt_Mint</c>, DemoData.UniswapV2Pairs.cs): 25 times each
/// token's span volume (in and out, at the minute's prices as demo_tx first drew the hops), a fifth of it taken out again
/// (<c>Pair_evt_Burn</c>), so the reserves at the span's start are twenty times the volume, at the volume-weighted price; scaled
/// down together where a side passes 2^110, so no reserve reaches uint112's bound, 2^112 - 1. The demo has no arbitrage, so a
/// pair's price moves only with its net flow: that depth keeps it within about a tenth of its start even when one swap is
/// most of the pair's volume (the swaps' sizes span orders of magnitude), and a swap's slippage within a few percent.</item>
/// <item>In chain order (transaction, then hop), a swap's first hop pays what demo_tx drew and every hop gets what the rule gives
/// at the pair's reserves then; the next hop pays that. A swap whose last hop would get nothing pays twice as much until it gets
/// a unit (the pair refuses a zero output); one that would take a reserve past 2^112 - 1 pays half (the pair refuses the
/// overflow). A failed swap is priced the same way but moves no reserve.</item>
/// <item>demo_tx's path amounts and words, an ETH swap's value and the calldata's amountIn and amountOutMin (the output) are
/// rewritten, and <c>v2_sync</c> holds each hop's Sync data (reserve0, reserve1 after it): every table that reads the swaps
/// (logs, transfers, traces, dex.trades, balances) is built from them afterwards.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>uint112's largest value: UniswapV2Pair keeps its reserves in uint112 and refuses a balance beyond it.</summary>
    private static readonly BigInteger V2ReserveMax = (BigInteger.One << 112) - 1;

    /// <summary>The most of a token a pair's Mint adds: reserves start at most at four fifths of it, far below uint112's bound.</summary>
    private static readonly BigInteger V2MintCap = BigInteger.One << 110;

    /// <summary>One swap transaction of demo_tx: its tokens' ids and pairs by hop, and the amounts demo_tx drew.</summary>
    private sealed record V2Swap(long I, bool Success, long[] Ids, string[] Pairs, BigInteger[] Drawn);

    /// <summary>A pair's liquidity: what its Mint added (token0, token1) and its reserves now.</summary>
    private sealed class V2Pool(long id0, long id1, BigInteger mint0, BigInteger mint1)
    {
        public long Id0 { get; } = id0;
        public long Id1 { get; } = id1;
        public BigInteger Mint0 { get; } = mint0;
        public BigInteger Mint1 { get; } = mint1;
        public BigInteger Reserve0 { get; set; } = mint0 - mint0 / 5;
        public BigInteger Reserve1 { get; set; } = mint1 - mint1 / 5;
    }

    /// <summary>Prices demo_tx's Uniswap V2 style swaps by the constant-product rule; see the type's remarks.</summary>
    private static void V2Swaps(DuckDBConnection connection)
    {
        var swaps = ReadV2Swaps(connection);
        var pools = V2StartPools(swaps);
        DuckDbCommands.Exec(connection, """
            CREATE OR REPLACE TEMP TABLE demo_v2_pool (pair VARCHAR, id0 BIGINT, id1 BIGINT, mint0 VARCHAR, mint1 VARCHAR, burn0 VARCHAR, burn1 VARCHAR);
            CREATE OR REPLACE TEMP TABLE demo_v2_amt (i BIGINT, a1 VARCHAR, a2 VARCHAR, a3 VARCHAR, r01 VARCHAR, r11 VARCHAR, r02 VARCHAR, r12 VARCHAR);
            """);
        using (var appender = connection.CreateAppender("temp", "main", "demo_v2_pool"))
        {
            foreach (var (pair, p) in pools)
            {
                appender.CreateRow().AppendValue(pair).AppendValue(p.Id0).AppendValue(p.Id1).AppendValue(Text(p.Mint0)).AppendValue(Text(p.Mint1))
                    .AppendValue(Text(p.Mint0 / 5)).AppendValue(Text(p.Mint1 / 5)).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("temp", "main", "demo_v2_amt"))
        {
            foreach (var swap in swaps)
            {
                var (amounts, reserves) = V2Price(swap, pools);
                var row = appender.CreateRow().AppendValue(swap.I);
                for (int k = 0; k < 3; k++)
                {
                    row.AppendValue(k < amounts.Length ? Text(amounts[k]) : null);
                }
                for (int k = 0; k < 4; k++)
                {
                    row.AppendValue(k < reserves.Count ? Text(reserves[k]) : null);
                }
                row.EndRow();
            }
        }
        // The calldata: the selector, then (but for swapExactETHForTokens) amountIn, then amountOutMin, then the rest as it was.
        DuckDbCommands.Exec(connection, $"""
            ALTER TABLE demo_tx ADD COLUMN v2_sync BLOB[];
            UPDATE demo_tx SET
                path_amt = CASE WHEN r.a3 IS NULL THEN [r.a1::{Uint256Type}, r.a2::{Uint256Type}] ELSE [r.a1::{Uint256Type}, r.a2::{Uint256Type}, r.a3::{Uint256Type}] END,
                path_word = CASE WHEN r.a3 IS NULL THEN [demo_word128(r.a1::HUGEINT), demo_word128(r.a2::HUGEINT)]
                                 ELSE [demo_word128(r.a1::HUGEINT), demo_word128(r.a2::HUGEINT), demo_word128(r.a3::HUGEINT)] END,
                value = CASE WHEN demo_tx.mode = 'eth_in' THEN r.a1::{Uint256Type} ELSE demo_tx.value END,
                data = unhex(substr(hex(demo_tx.data), 1, 8)
                             || CASE WHEN demo_tx.mode = 'eth_in' THEN '' ELSE hex(demo_word128(r.a1::HUGEINT)) END
                             || hex(demo_word128(coalesce(r.a3, r.a2)::HUGEINT))
                             || substr(hex(demo_tx.data), CASE WHEN demo_tx.mode = 'eth_in' THEN 73 ELSE 137 END)),
                v2_sync = CASE WHEN r.r01 IS NULL THEN NULL
                               WHEN r.r02 IS NULL THEN [demo_word128(r.r01::HUGEINT) || demo_word128(r.r11::HUGEINT)]
                               ELSE [demo_word128(r.r01::HUGEINT) || demo_word128(r.r11::HUGEINT), demo_word128(r.r02::HUGEINT) || demo_word128(r.r12::HUGEINT)] END
            FROM demo_v2_amt r WHERE demo_tx.i = r.i;
            DROP TABLE demo_v2_amt;
            """);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<V2Swap> ReadV2Swaps(DuckDBConnection connection)
    {
        var swaps = new List<V2Swap>();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i, success, len(path_id), path_id[1], path_id[2], path_id[3], hex(pairs[1]), hex(pairs[2]),
                   CAST(path_amt[1] AS VARCHAR), CAST(path_amt[2] AS VARCHAR), CAST(path_amt[3] AS VARCHAR)
            FROM demo_tx WHERE kind = 'swap' ORDER BY i
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int tokens = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(0, tokens).Select(k => Convert.ToInt64(reader.GetValue(3 + k), CultureInfo.InvariantCulture)).ToArray();
            var pairs = Enumerable.Range(0, tokens - 1).Select(k => reader.GetString(6 + k)).ToArray();
            var drawn = Enumerable.Range(0, tokens).Select(k => BigInteger.Parse(reader.GetString(8 + k), CultureInfo.InvariantCulture)).ToArray();
            swaps.Add(new V2Swap(reader.GetInt64(0), reader.GetBoolean(1), ids, pairs, drawn));
        }
        return swaps;
    }

    /// <summary>A pair's Mint: this many times each token's volume over the successful swaps as drawn.</summary>
    private const int V2MintPerVolume = 25;

    /// <summary>Each pair's Mint: <see cref="V2MintPerVolume"/> times each token's volume over the successful swaps as drawn, scaled
    /// below <see cref="V2MintCap"/>.</summary>
    private static Dictionary<string, V2Pool> V2StartPools(List<V2Swap> swaps)
    {
        var volumes = new Dictionary<string, (long Id0, long Id1, BigInteger V0, BigInteger V1)>(StringComparer.Ordinal);
        foreach (var swap in swaps)
        {
            for (int h = 0; h < swap.Pairs.Length; h++)
            {
                bool zeroIn = swap.Ids[h] < swap.Ids[h + 1];
                var (id0, id1, v0, v1) = volumes.GetValueOrDefault(swap.Pairs[h], (Math.Min(swap.Ids[h], swap.Ids[h + 1]), Math.Max(swap.Ids[h], swap.Ids[h + 1]), 0, 0));
                if (swap.Success)
                {
                    (v0, v1) = zeroIn ? (v0 + swap.Drawn[h], v1 + swap.Drawn[h + 1]) : (v0 + swap.Drawn[h + 1], v1 + swap.Drawn[h]);
                }
                volumes[swap.Pairs[h]] = (id0, id1, v0, v1);
            }
        }
        var pools = new Dictionary<string, V2Pool>(StringComparer.Ordinal);
        foreach (var (pair, (id0, id1, v0, v1)) in volumes)
        {
            BigInteger m0 = BigInteger.Max(V2MintPerVolume * v0, 5), m1 = BigInteger.Max(V2MintPerVolume * v1, 5);
            BigInteger most = BigInteger.Max(m0, m1);
            if (most > V2MintCap)
            {
                (m0, m1) = (BigInteger.Max(m0 * V2MintCap / most, 5), BigInteger.Max(m1 * V2MintCap / most, 5));
            }
            pools[pair] = new V2Pool(id0, id1, m0, m1);
        }
        return pools;
    }

    /// <summary>The output of <paramref name="amountIn"/> at the reserves (UniswapV2Library.getAmountOut).</summary>
    private static BigInteger V2AmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) =>
        amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997);

    /// <summary>A swap's amounts by hop (the first hop's input, then each hop's output) and, when it succeeds, the reserves after
    /// each hop (reserve0, reserve1 a hop), which it leaves in <paramref name="pools"/>.</summary>
    private static (BigInteger[] Amounts, List<BigInteger> Reserves) V2Price(V2Swap swap, Dictionary<string, V2Pool> pools)
    {
        var amounts = new BigInteger[swap.Ids.Length];
        BigInteger paid = BigInteger.Max(swap.Drawn[0], 1);
        for (int attempt = 0; ; attempt++)
        {
            if (attempt == 400)
            {
                throw new InvalidOperationException($"Demo swap {swap.I}: no input gets an output within the pairs' reserves.");
            }
            amounts[0] = paid;
            int verdict = 0;  // -1: pay half, 1: pay twice
            for (int h = 0; h < swap.Pairs.Length && verdict == 0; h++)
            {
                var pool = pools[swap.Pairs[h]];
                bool zeroIn = swap.Ids[h] < swap.Ids[h + 1];
                var (reserveIn, reserveOut) = zeroIn ? (pool.Reserve0, pool.Reserve1) : (pool.Reserve1, pool.Reserve0);
                amounts[h + 1] = V2AmountOut(amounts[h], reserveIn, reserveOut);
                verdict = reserveIn + amounts[h] > V2ReserveMax ? -1 : amounts[h + 1].IsZero ? 1 : 0;
            }
            if (verdict == 0)
            {
                break;
            }
            paid = verdict > 0 ? paid * 2 : BigInteger.Max(paid / 2, 1);
        }
        var reserves = new List<BigInteger>();
        if (!swap.Success)
        {
            return (amounts, reserves);
        }
        for (int h = 0; h < swap.Pairs.Length; h++)
        {
            var pool = pools[swap.Pairs[h]];
            if (swap.Ids[h] < swap.Ids[h + 1])
            {
                (pool.Reserve0, pool.Reserve1) = (pool.Reserve0 + amounts[h], pool.Reserve1 - amounts[h + 1]);
            }
            else
            {
                (pool.Reserve1, pool.Reserve0) = (pool.Reserve1 + amounts[h], pool.Reserve0 - amounts[h + 1]);
            }
            reserves.Add(pool.Reserve0);
            reserves.Add(pool.Reserve1);
        }
        return (amounts, reserves);
    }
}
