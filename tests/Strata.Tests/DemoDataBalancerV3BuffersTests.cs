using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild14: Balancer V3's pool liquidity events, its ERC4626 buffers' events (Wrap, Unwrap, liquidity and
/// shares) and the <c>erc4626_token_mapping</c> spell, with Dune's columns, consistent with the V3 swaps, the chains'
/// transactions and the Vault's buffer accounting (stated here on the events, not on the script's SQL).
/// </summary>
public sealed class DemoDataBalancerV3BuffersTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    private static readonly string[] Chains = ["ethereum", "arbitrum", "base", "gnosis", "avalanche_c"];

    // The deployed Vault's events (IVaultEvents): bytes32 decodes to varbinary, a uint8 enum to integer.
    private const string Wrap = "wrappedToken varbinary, depositedUnderlying uint256, mintedShares uint256, bufferBalances varbinary";
    private const string Added = "pool varbinary, liquidityProvider varbinary, kind integer, totalSupply uint256, amountsAddedRaw array(uint256), swapFeeAmountsRaw array(uint256)";

    public static TheoryData<string, string> Schemas => new()
    {
        { "balancer_v3_ethereum.Vault_evt_Wrap", Evt + Wrap },
        { "balancer_v3_gnosis.Vault_evt_Unwrap", Evt + "wrappedToken varbinary, burnedShares uint256, withdrawnUnderlying uint256, bufferBalances varbinary" },
        { "balancer_v3_base.Vault_evt_LiquidityAddedToBuffer", Evt + "wrappedToken varbinary, amountUnderlying uint256, amountWrapped uint256, bufferBalances varbinary" },
        { "balancer_v3_ethereum.Vault_evt_LiquidityRemovedFromBuffer", Evt + "wrappedToken varbinary, amountUnderlying uint256, amountWrapped uint256, bufferBalances varbinary" },
        { "balancer_v3_ethereum.Vault_evt_BufferSharesMinted", Evt + "wrappedToken varbinary, to varbinary, issuedShares uint256" },
        { "balancer_v3_arbitrum.Vault_evt_BufferSharesBurned", Evt + "wrappedToken varbinary, from varbinary, burnedShares uint256" },
        { "balancer_v3_ethereum.Vault_evt_LiquidityAdded", Evt + Added },
        {
            "balancer_v3_ethereum.Vault_evt_LiquidityRemoved",
            Evt + "pool varbinary, liquidityProvider varbinary, kind integer, totalSupply uint256, amountsRemovedRaw array(uint256), swapFeeAmountsRaw array(uint256)"
        },
        { "balancer_v3_multichain.vault_evt_wrap", "chain varchar, " + Evt + Wrap },
        { "balancer_v3_multichain.vault_evt_liquidityadded", "chain varchar, " + Evt + Added },
        // erc4626_tokens/<chain>/balancer_v3_<chain>_erc4626_token_mapping.sql and the union balancer_v3_erc4626_token_mapping.sql
        {
            "balancer_v3.erc4626_token_mapping",
            "blockchain varchar, erc4626_token varbinary, erc4626_token_name varchar, erc4626_token_symbol varchar, underlying_token varbinary, underlying_token_symbol varchar, decimals integer"
        },
        {
            "balancer_v3_gnosis.erc4626_token_mapping",
            "blockchain varchar, erc4626_token varbinary, erc4626_token_name varchar, erc4626_token_symbol varchar, underlying_token varbinary, underlying_token_symbol varchar, decimals integer"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Buffer_and_liquidity_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Wraps_and_unwraps_ride_on_V3_swaps_of_the_wrappers_underlying_at_a_growing_rate()
    {
        foreach (string chain in Chains)
        {
            long wraps = Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_Wrap\"");
            long unwraps = Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_Unwrap\"");
            Assert.True(chain != "ethereum" || wraps > 0 && unwraps > 0, chain);
            // A wrap follows a swap in the same transaction (same sender, block, time) whose amount out of the mapped underlying it deposits.
            Assert.Equal(wraps, Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_Wrap" w
                JOIN balancer_v3_{chain}.erc4626_token_mapping m ON m.erc4626_token = w."wrappedToken" AND m.blockchain = '{chain}'
                JOIN balancer_v3_{chain}."Vault_evt_Swap" s ON s.evt_tx_hash = w.evt_tx_hash AND s."tokenOut" = m.underlying_token
                    AND s."amountOut" = w."depositedUnderlying" AND s.evt_index < w.evt_index AND s.evt_block_time = w.evt_block_time
                    AND s.evt_tx_from = w.evt_tx_from AND s.evt_block_number = w.evt_block_number
                JOIN {chain}.transactions t ON t.hash = w.evt_tx_hash AND t.success
                """));
            // An unwrap precedes a swap whose amount in of the underlying it withdraws.
            Assert.Equal(unwraps, Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_Unwrap" u
                JOIN balancer_v3_{chain}.erc4626_token_mapping m ON m.erc4626_token = u."wrappedToken"
                JOIN balancer_v3_{chain}."Vault_evt_Swap" s ON s.evt_tx_hash = u.evt_tx_hash AND s."tokenIn" = m.underlying_token
                    AND s."amountIn" = u."withdrawnUnderlying" AND s.evt_index > u.evt_index
                """));
            // The rate (underlying per share) lies in 1.02..1.10 × (1 + up to 6 % a year over the 30 days), and each wrapper's
            // rate does not fall over time (to the shares' rounding).
            Assert.Equal(0, Count($"""
                WITH r AS (
                    SELECT "wrappedToken" AS w, evt_block_time AS t, CAST("depositedUnderlying" AS double) / CAST("mintedShares" AS double) AS rate,
                           CAST("mintedShares" AS double) AS shares FROM balancer_v3_{chain}."Vault_evt_Wrap"
                    UNION ALL
                    SELECT "wrappedToken", evt_block_time, CAST("withdrawnUnderlying" AS double) / CAST("burnedShares" AS double), CAST("burnedShares" AS double)
                    FROM balancer_v3_{chain}."Vault_evt_Unwrap"
                ), o AS (SELECT *, lag(rate) OVER (PARTITION BY w ORDER BY t) AS prev FROM r WHERE shares > 1e6)
                SELECT count(*) FROM o WHERE rate < 1.0199 OR rate > 1.1011 OR rate < prev * (1 - 1e-5)
                """));
        }
    }

    /// <summary>The Vault's buffer accounting: each event's packed balances (wrapped in the high 16 bytes, underlying in
    /// the low 16) are the seed plus the wraps' and unwraps' changes and less the removal, never below zero; the shares
    /// minted at the seed are the buffer's value in underlying, 10,000 of them to the zero address.</summary>
    [Fact]
    public void Buffer_balances_are_the_seed_plus_the_operations_less_the_removal()
    {
        foreach (string chain in Chains)
        {
            var seeds = Rows($"""
                SELECT hex("wrappedToken"), CAST("amountUnderlying" AS VARCHAR), CAST("amountWrapped" AS VARCHAR), hex("bufferBalances"), evt_block_time < (SELECT min(time) FROM {chain}.blocks)
                FROM balancer_v3_{chain}."Vault_evt_LiquidityAddedToBuffer"
                """);
            Assert.Equal(4, seeds.Count);
            var events = Rows($"""
                SELECT hex("wrappedToken"), evt_block_number, evt_index, 'wrap', CAST("depositedUnderlying" AS VARCHAR), CAST("mintedShares" AS VARCHAR), hex("bufferBalances") FROM balancer_v3_{chain}."Vault_evt_Wrap"
                UNION ALL SELECT hex("wrappedToken"), evt_block_number, evt_index, 'unwrap', CAST("withdrawnUnderlying" AS VARCHAR), CAST("burnedShares" AS VARCHAR), hex("bufferBalances") FROM balancer_v3_{chain}."Vault_evt_Unwrap"
                UNION ALL SELECT hex("wrappedToken"), evt_block_number, evt_index, 'remove', CAST("amountUnderlying" AS VARCHAR), CAST("amountWrapped" AS VARCHAR), hex("bufferBalances") FROM balancer_v3_{chain}."Vault_evt_LiquidityRemovedFromBuffer"
                """);
            foreach (var seed in seeds)
            {
                Assert.Equal("True", seed[4]);
                BigInteger u = BigInteger.Parse(seed[1], CultureInfo.InvariantCulture), w = BigInteger.Parse(seed[2], CultureInfo.InvariantCulture);
                Assert.Equal(Packed(w, u), seed[3]);
                var minted = Rows($"""
                    SELECT hex("to"), CAST("issuedShares" AS VARCHAR) FROM balancer_v3_{chain}."Vault_evt_BufferSharesMinted" WHERE hex("wrappedToken") = '{seed[0]}' ORDER BY evt_index
                    """);
                Assert.Equal(2, minted.Count);
                Assert.Equal(new string('0', 40), minted[0][0]);
                Assert.Equal("10000", minted[0][1]);
                BigInteger issued = BigInteger.Parse(minted[1][1], CultureInfo.InvariantCulture) + 10000;
                Assert.True(issued > u + w && issued < u + w * 2, chain);
                var ops = events.Where(e => e[0] == seed[0])
                    .OrderBy(e => long.Parse(e[1], CultureInfo.InvariantCulture)).ThenBy(e => long.Parse(e[2], CultureInfo.InvariantCulture)).ToList();
                Assert.True(ops.Count(e => e[3] == "remove") <= 1);
                foreach (var e in ops)
                {
                    BigInteger a = BigInteger.Parse(e[4], CultureInfo.InvariantCulture), b = BigInteger.Parse(e[5], CultureInfo.InvariantCulture);
                    switch (e[3])
                    {
                        case "wrap": u += a; w -= b; break;
                        case "unwrap": u -= a; w += b; break;
                        default:
                            // A tenth of each balance.
                            Assert.Equal(u / 10, a);
                            Assert.Equal(w / 10, b);
                            u -= a;
                            w -= b;
                            break;
                    }
                    Assert.True(u >= 0 && w >= 0, chain);
                    Assert.Equal(Packed(w, u), e[6]);
                }
            }
            // The removal burns a tenth of the shares of the buffer's owner, the sender of the removal's transaction and of the seed.
            Assert.Equal(Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_LiquidityRemovedFromBuffer\""), Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_LiquidityRemovedFromBuffer" r
                JOIN balancer_v3_{chain}."Vault_evt_BufferSharesBurned" b ON b.evt_tx_hash = r.evt_tx_hash AND b."wrappedToken" = r."wrappedToken"
                    AND b.evt_index = r.evt_index - 1 AND b."from" = r.evt_tx_from
                JOIN balancer_v3_{chain}."Vault_evt_BufferSharesMinted" m ON m."wrappedToken" = r."wrappedToken" AND m."to" = b."from"
                JOIN {chain}.transactions t ON t.hash = r.evt_tx_hash AND t."from" = r.evt_tx_from AND t.success
                WHERE CAST(b."burnedShares" AS double) BETWEEN 0.0999 * (CAST(m."issuedShares" AS double) + 10000) AND 0.1001 * (CAST(m."issuedShares" AS double) + 10000)
                """));
        }
        Assert.True(Count("SELECT count(*) FROM balancer_v3_multichain.vault_evt_liquidityremovedfrombuffer") > 0);
    }

    [Fact]
    public void Pools_are_initialized_then_add_and_remove_liquidity_with_the_supply_after_each_event()
    {
        foreach (string chain in Chains)
        {
            // Every registered pool is initialized (kind 1) a day after its registration, before its first swap.
            Assert.Equal(15, Count($"""
                SELECT count(*) FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded" a
                JOIN balancer_v3_{chain}."Vault_evt_PoolRegistered" r ON r.pool = a.pool AND epoch(a.evt_block_time) - epoch(r.evt_block_time) = 86400
                WHERE a.kind = 1
                """));
            // In-span adds and removes: proportional (kind 0) in successful transactions of their provider with no Balancer swap.
            long inSpan = Count($"SELECT count(*) FROM balancer_v3_multichain.vault_evt_liquidityadded WHERE chain = '{chain}' AND kind = 0")
                + Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_LiquidityRemoved\"");
            Assert.True(chain != "ethereum" || inSpan > 0, chain);
            Assert.Equal(inSpan, Count($"""
                WITH l AS (
                    SELECT evt_tx_hash, evt_tx_from, "liquidityProvider", kind FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded" WHERE kind = 0
                    UNION ALL SELECT evt_tx_hash, evt_tx_from, "liquidityProvider", kind FROM balancer_v3_{chain}."Vault_evt_LiquidityRemoved"
                )
                SELECT count(*) FROM l JOIN {chain}.transactions t ON t.hash = l.evt_tx_hash AND t.success AND t."from" = l."liquidityProvider"
                WHERE l.kind = 0 AND NOT EXISTS (SELECT 1 FROM balancer_v3_{chain}."Vault_evt_Swap" s WHERE s.evt_tx_hash = l.evt_tx_hash)
                  AND NOT EXISTS (SELECT 1 FROM balancer_v2_{chain}."Vault_evt_Swap" s WHERE s.evt_tx_hash = l.evt_tx_hash)
                """));
            // totalSupply after each event: the previous supply plus (add) or less (remove) the event's value in BPT (1 USD a
            // BPT at the demo prices: amounts × price / 10^decimals), never below zero.
            var pools = Rows($"""
                SELECT hex(pool), json_extract_string("tokenConfig"[1], '$.token'), json_extract_string("tokenConfig"[2], '$.token') FROM balancer_v3_{chain}."Vault_evt_PoolRegistered"
                """);
            var tokens = Rows($"SELECT '0x' || lower(hex(contract_address)), decimals FROM tokens.erc20 WHERE blockchain = '{chain}'")
                .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
            var events = Rows($"""
                SELECT hex(pool), evt_block_number, evt_index, 1, CAST("totalSupply" AS VARCHAR), CAST("amountsAddedRaw"[1] AS double), CAST("amountsAddedRaw"[2] AS double)
                FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded"
                UNION ALL
                SELECT hex(pool), evt_block_number, evt_index, -1, CAST("totalSupply" AS VARCHAR), CAST("amountsRemovedRaw"[1] AS double), CAST("amountsRemovedRaw"[2] AS double)
                FROM balancer_v3_{chain}."Vault_evt_LiquidityRemoved"
                """);
            foreach (var pool in pools)
            {
                var ops = events.Where(e => e[0] == pool[0])
                    .OrderBy(e => long.Parse(e[1], CultureInfo.InvariantCulture)).ThenBy(e => long.Parse(e[2], CultureInfo.InvariantCulture)).ToList();
                Assert.Equal("1", ops[0][3]);
                // The two sides of an event are of equal value: their ratio is the same for every event of the pool.
                double ratio = double.Parse(ops[0][5], CultureInfo.InvariantCulture) / double.Parse(ops[0][6], CultureInfo.InvariantCulture);
                // The initialization's supply is 10^7 BPT (10 million USD); each event's supply change is proportional to its amounts.
                BigInteger supply = BigInteger.Parse(ops[0][4], CultureInfo.InvariantCulture);
                Assert.Equal(1e25, (double)supply, 1e10);
                double perA = 1e25 / double.Parse(ops[0][5], CultureInfo.InvariantCulture);
                foreach (var e in ops.Skip(1))
                {
                    double a = double.Parse(e[5], CultureInfo.InvariantCulture), b = double.Parse(e[6], CultureInfo.InvariantCulture);
                    Assert.Equal(ratio, a / b, ratio * 2 * (1 / a + 1 / b + 1e-9)); // to the raw amounts' rounding
                    BigInteger next = BigInteger.Parse(e[4], CultureInfo.InvariantCulture);
                    Assert.Equal(int.Parse(e[3], CultureInfo.InvariantCulture) * a * perA, (double)(next - supply), a * perA * 1e-6 + 1e12);
                    Assert.True(next >= 0);
                    supply = next;
                }
                Assert.True(tokens.ContainsKey(pool[1]) && tokens.ContainsKey(pool[2]));
            }
        }
    }

    [Fact]
    public void The_mapping_names_each_chains_wrappers_of_weth_usdc_usdt_and_dai()
    {
        Assert.Equal(20, Count("SELECT count(DISTINCT erc4626_token) FROM balancer_v3.erc4626_token_mapping"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM balancer_v3.erc4626_token_mapping m
            LEFT JOIN tokens.erc20 t ON t.blockchain = m.blockchain AND t.contract_address = m.underlying_token
            WHERE t.symbol IS DISTINCT FROM m.underlying_token_symbol OR t.decimals <> m.decimals
               OR m.underlying_token_symbol NOT IN ('WETH', 'USDC', 'USDT', 'DAI') OR NOT ends_with(m.erc4626_token_symbol, m.underlying_token_symbol)
               OR NOT starts_with(m.erc4626_token_symbol, 'wa') OR NOT starts_with(m.erc4626_token_name, 'Wrapped Aave ')
            """));
        Assert.Equal("waEthUSDC", fixture.Scalar("SELECT erc4626_token_symbol FROM balancer_v3_ethereum.erc4626_token_mapping WHERE underlying_token_symbol = 'USDC'"));
        // Every wrapped token of the events is mapped on its chain.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT chain, "wrappedToken" FROM balancer_v3_multichain.vault_evt_wrap
                                  UNION ALL SELECT chain, "wrappedToken" FROM balancer_v3_multichain.vault_evt_unwrap
                                  UNION ALL SELECT chain, "wrappedToken" FROM balancer_v3_multichain.vault_evt_liquidityaddedtobuffer) e
            WHERE NOT EXISTS (SELECT 1 FROM balancer_v3.erc4626_token_mapping m WHERE m.blockchain = e.chain AND m.erc4626_token = e."wrappedToken")
            """));
    }

    private static string Packed(BigInteger wrapped, BigInteger underlying) =>
        (wrapped.ToString("X32", CultureInfo.InvariantCulture)[^32..] + underlying.ToString("X32", CultureInfo.InvariantCulture)[^32..]);

    private List<string[]> Rows(string sql) => fixture.Rows(sql);
}
