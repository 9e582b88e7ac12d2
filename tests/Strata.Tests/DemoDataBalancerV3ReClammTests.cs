using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables3: Balancer V3's reCLAMM pools (<c>balancer_v3_&lt;chain&gt;.ReClammPool_evt_*</c>,
/// <c>ReClammPool_call_onSwap</c> and the multichain views), with Dune's columns, consistent with the V3 Vault's
/// registrations, liquidity events and swaps: the rules of the pool contract (balancer/reclamm's ReClammPool.sol) are
/// replayed here in C# from the raw rows, not from the script's SQL.
/// </summary>
public sealed class DemoDataBalancerV3ReClammTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    private static readonly string[] Chains = ["ethereum", "arbitrum", "base", "gnosis", "avalanche_c"];

    private static readonly string[] Tables =
        ["ReClammPool_evt_VirtualBalancesUpdated", "ReClammPool_evt_CenterednessMarginUpdated", "ReClammPool_evt_PriceRatioStateUpdated",
         "ReClammPool_evt_DailyPriceShiftExponentUpdated", "ReClammPool_evt_LastTimestampUpdated", "ReClammPool_call_onSwap"];

    private const string Virtual = "virtualBalanceA uint256, virtualBalanceB uint256";

    private const string OnSwap = "contract_address varbinary, call_success boolean, call_tx_hash varbinary, call_tx_from varbinary, call_tx_to varbinary, "
        + "call_tx_index bigint, call_trace_address array(bigint), call_block_time timestamp(3) with time zone, call_block_number bigint, "
        + "call_block_date date, request varchar, output_amountCalculatedScaled18 uint256";

    private static readonly BigInteger One = BigInteger.Pow(10, 18);

    // IReClammEvents: uint256 parameters decode to uint256, the uint32 timestamp to bigint; PoolSwapParams to its JSON.
    public static TheoryData<string, string> Schemas => new()
    {
        { "balancer_v3_ethereum.ReClammPool_evt_VirtualBalancesUpdated", Evt + Virtual },
        { "balancer_v3_base.ReClammPool_evt_CenterednessMarginUpdated", Evt + "centerednessMargin uint256" },
        {
            "balancer_v3_arbitrum.ReClammPool_evt_PriceRatioStateUpdated",
            Evt + "startFourthRootPriceRatio uint256, endFourthRootPriceRatio uint256, priceRatioUpdateStartTime uint256, priceRatioUpdateEndTime uint256"
        },
        { "balancer_v3_gnosis.ReClammPool_evt_DailyPriceShiftExponentUpdated", Evt + "dailyPriceShiftExponent uint256, dailyPriceShiftBase uint256" },
        { "balancer_v3_avalanche_c.ReClammPool_evt_LastTimestampUpdated", Evt + "lastTimestamp bigint" },
        { "balancer_v3_ethereum.ReClammPool_call_onSwap", OnSwap },
        { "balancer_v3_multichain.reclammpool_evt_virtualbalancesupdated", "chain varchar, " + Evt + Virtual },
        { "balancer_v3_multichain.reclammpool_evt_centerednessmarginupdated", "chain varchar, " + Evt + "centerednessMargin uint256" },
        { "balancer_v3_multichain.reclammpool_call_onswap", "chain varchar, " + OnSwap },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void ReClamm_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Three_pools_a_chain_are_reclamm_pools_registered_by_the_factory_as_their_own_hooks()
    {
        foreach (string chain in Chains)
        {
            var pools = Rows($"""
                SELECT lower(hex(r.pool)), lower(hex(r.factory)), r."hooksConfig", r."liquidityManagement", l.pool_type, l.name
                FROM balancer_v3_{chain}."Vault_evt_PoolRegistered" r JOIN labels.balancer_v3_pools l ON l.blockchain = '{chain}' AND l.address = r.pool
                WHERE r.factory = from_hex('355bd33f0033066bb3de396a6d069be57353ad95')
                """);
            Assert.Equal(3, pools.Count);
            foreach (var p in pools)
            {
                using var hooks = JsonDocument.Parse(p[2]);
                using var liquidity = JsonDocument.Parse(p[3]);
                Assert.Equal("0x" + p[0], hooks.RootElement.GetProperty("hooksContract").GetString());
                Assert.True(hooks.RootElement.GetProperty("shouldCallBeforeInitialize").GetBoolean());
                Assert.True(hooks.RootElement.GetProperty("shouldCallBeforeAddLiquidity").GetBoolean());
                Assert.True(hooks.RootElement.GetProperty("shouldCallBeforeRemoveLiquidity").GetBoolean());
                Assert.True(liquidity.RootElement.GetProperty("disableUnbalancedLiquidity").GetBoolean());
                Assert.False(liquidity.RootElement.GetProperty("enableDonation").GetBoolean());
                Assert.Equal("reclamm", p[4]);
                Assert.EndsWith("-reclamm", p[5], StringComparison.Ordinal);
            }
            // Every pool event is a reCLAMM pool's; the other twelve pools are labelled as before.
            foreach (string table in Tables)
            {
                Assert.Equal(0, Count($"""
                    SELECT count(*) FROM balancer_v3_{chain}."{table}" e
                    WHERE NOT EXISTS (SELECT 1 FROM labels.balancer_v3_pools l WHERE l.blockchain = '{chain}' AND l.address = e.contract_address AND l.pool_type = 'reclamm')
                    """));
            }
            Assert.Equal(12, Count($"SELECT count(*) FROM labels.balancer_v3_pools WHERE blockchain = '{chain}' AND pool_type IN ('stable', 'weighted')"));
        }
        // Dune's multichain views: every chain's rows of each table, the chain first.
        foreach (string table in Tables)
        {
            string union = string.Join(" UNION ALL ", Chains.Select(c => $"SELECT '{c}' AS chain, * FROM balancer_v3_{c}.\"{table}\""));
            string view = "balancer_v3_multichain." + table.ToLowerInvariant();
            Assert.Equal(0, Count($"SELECT count(*) FROM (SELECT * FROM {view} EXCEPT ALL ({union}))"));
            Assert.Equal(0, Count($"SELECT count(*) FROM (({union}) EXCEPT ALL SELECT * FROM {view})"));
        }
    }

    /// <summary>Initialization: the virtual balances of a centered pool (real balance / (q − 1), q the fourth root of the
    /// price ratio), a price ratio state that is not updating, the daily price shift base the contract derives from the
    /// exponent, a margin, all in the initialization's transaction before the Vault's LiquidityAdded; then each add or
    /// remove scales the virtual balances by the BPT supply's change, in its transaction before the Vault's event.</summary>
    [Fact]
    public void Virtual_balances_start_centered_and_scale_with_the_supply()
    {
        int liquidityEvents = 0;
        foreach (string chain in Chains)
        {
            var decimals = Rows($"SELECT lower(hex(contract_address)), decimals FROM tokens.erc20 WHERE blockchain = '{chain}'")
                .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
            var init = Rows($"""
                SELECT lower(hex(a.pool)), lower(substr(json_extract_string(r."tokenConfig"[1], '$.token'), 3)), lower(substr(json_extract_string(r."tokenConfig"[2], '$.token'), 3)),
                       CAST(a."amountsAddedRaw"[1] AS VARCHAR), CAST(a."amountsAddedRaw"[2] AS VARCHAR), CAST(a."totalSupply" AS VARCHAR), hex(a.evt_tx_hash), a.evt_index,
                       CAST(epoch(a.evt_block_time) AS BIGINT)
                FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded" a JOIN balancer_v3_{chain}."Vault_evt_PoolRegistered" r ON r.pool = a.pool
                WHERE a.kind = 1 AND r.factory = from_hex('355bd33f0033066bb3de396a6d069be57353ad95')
                """);
            Assert.Equal(3, init.Count);
            // (pool, tx, log index) -> event row
            var vbu = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index, CAST(\"virtualBalanceA\" AS VARCHAR), CAST(\"virtualBalanceB\" AS VARCHAR) FROM balancer_v3_{chain}.\"ReClammPool_evt_VirtualBalancesUpdated\"")
                .ToDictionary(r => (r[0], r[1], r[2]), r => (A: BigInteger.Parse(r[3], CultureInfo.InvariantCulture), B: BigInteger.Parse(r[4], CultureInfo.InvariantCulture)));
            var ratio = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index, CAST(\"startFourthRootPriceRatio\" AS VARCHAR), CAST(\"endFourthRootPriceRatio\" AS VARCHAR), CAST(\"priceRatioUpdateStartTime\" AS VARCHAR), CAST(\"priceRatioUpdateEndTime\" AS VARCHAR) FROM balancer_v3_{chain}.\"ReClammPool_evt_PriceRatioStateUpdated\"")
                .ToDictionary(r => r[0]);
            var shift = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index, CAST(\"dailyPriceShiftExponent\" AS VARCHAR), CAST(\"dailyPriceShiftBase\" AS VARCHAR) FROM balancer_v3_{chain}.\"ReClammPool_evt_DailyPriceShiftExponentUpdated\"")
                .ToDictionary(r => r[0]);
            var margins = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index, CAST(\"centerednessMargin\" AS VARCHAR) FROM balancer_v3_{chain}.\"ReClammPool_evt_CenterednessMarginUpdated\" ORDER BY evt_block_number, evt_index");
            var stamps = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index, \"lastTimestamp\", CAST(epoch(evt_block_time) AS BIGINT) FROM balancer_v3_{chain}.\"ReClammPool_evt_LastTimestampUpdated\"")
                .ToDictionary(r => (r[0], r[1], r[2]), r => (r[3], r[4]));
            Assert.All(stamps.Values, s => Assert.Equal(s.Item2, s.Item1));
            foreach (var p in init)
            {
                string pool = p[0], tx = p[6];
                Assert.Equal("5", p[7]);
                BigInteger ra = BigInteger.Parse(p[3], CultureInfo.InvariantCulture) * BigInteger.Pow(10, 18 - decimals[p[1]]);
                BigInteger rb = BigInteger.Parse(p[4], CultureInfo.InvariantCulture) * BigInteger.Pow(10, 18 - decimals[p[2]]);
                BigInteger supply0 = BigInteger.Parse(p[5], CultureInfo.InvariantCulture);
                var r = ratio[pool];
                Assert.Equal((tx, "1"), (r[1], r[2]));
                BigInteger q = BigInteger.Parse(r[3], CultureInfo.InvariantCulture);
                Assert.Equal(r[3], r[4]);
                Assert.Equal((p[8], p[8]), (r[5], r[6]));
                Assert.True(q >= One * 110 / 100 && q <= One * 130 / 100, pool);
                var s = shift[pool];
                Assert.Equal((tx, "2"), (s[1], s[2]));
                BigInteger exponent = BigInteger.Parse(s[3], CultureInfo.InvariantCulture), shiftBase = BigInteger.Parse(s[4], CultureInfo.InvariantCulture);
                // ReClammMath: base = 1 - exponent / 124649, the exponent emitted back from the base.
                Assert.Equal((One - shiftBase) * 124649, exponent);
                Assert.True(exponent > One / 2 - 124649 && exponent <= One, pool);
                var m = margins.Where(x => x[0] == pool).ToList();
                Assert.Equal((tx, "3"), (m[0][1], m[0][2]));
                Assert.True(stamps.ContainsKey((pool, tx, "4")));
                // A centered pool: V = R / (q - 1) on each side.
                var v0 = vbu[(pool, tx, "0")];
                double c = 1 / ((double)q / 1e18 - 1);
                Assert.Equal((double)ra * c, (double)v0.A, (double)ra * c * 1e-12);
                Assert.Equal((double)rb * c, (double)v0.B, (double)rb * c * 1e-12);
                // Each add or remove: the virtual balances × supply after / supply before, in the Vault event's transaction.
                var changes = Rows($"""
                    SELECT hex(evt_tx_hash), evt_index, CAST("totalSupply" AS VARCHAR) FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded" WHERE kind = 0 AND lower(hex(pool)) = '{pool}'
                    UNION ALL SELECT hex(evt_tx_hash), evt_index, CAST("totalSupply" AS VARCHAR) FROM balancer_v3_{chain}."Vault_evt_LiquidityRemoved" WHERE lower(hex(pool)) = '{pool}'
                    ORDER BY 2
                    """);
                foreach (var e in changes)
                {
                    long index = long.Parse(e[1], CultureInfo.InvariantCulture);
                    var v = vbu[(pool, e[0], (index - 2000).ToString(CultureInfo.InvariantCulture))];
                    double f = (double)BigInteger.Parse(e[2], CultureInfo.InvariantCulture) / (double)supply0;
                    Assert.Equal((double)v0.A * f, (double)v.A, (double)v0.A * f * 1e-12 + 1);
                    Assert.Equal((double)v0.B * f, (double)v.B, (double)v0.B * f * 1e-12 + 1);
                    Assert.True(stamps.ContainsKey((pool, e[0], (index - 1000).ToString(CultureInfo.InvariantCulture))));
                    liquidityEvents++;
                }
                // Nothing else moves the virtual balances (the pools stay in range: see the swap test).
                Assert.Equal(1 + changes.Count, vbu.Keys.Count(k => k.Item1 == pool));
            }
            // One margin change a chain, 5 points below the first pool's margin, with its timestamp event just before it.
            var changed = margins.Where(x => x[2] != "3").ToList();
            Assert.Single(changed);
            var first = margins.Single(x => x[0] == changed[0][0] && x[2] == "3");
            Assert.Equal(BigInteger.Parse(first[3], CultureInfo.InvariantCulture) - One / 20, BigInteger.Parse(changed[0][3], CultureInfo.InvariantCulture));
            long at = long.Parse(changed[0][2], CultureInfo.InvariantCulture);
            Assert.True(stamps.ContainsKey((changed[0][0], changed[0][1], (at - 1).ToString(CultureInfo.InvariantCulture))));
            Assert.Equal(1, Count($"SELECT count(*) FROM {chain}.transactions WHERE success AND hex(hash) = '{changed[0][1]}'"));
        }
        Assert.True(liquidityEvents > 0);
    }

    /// <summary>Each V3 swap of a reCLAMM pool has the Vault's onSwap call (EXACT_IN, the amount in net of the fee and the
    /// amount out in 18 decimals, the pool's real balances before the swap) and a timestamp event; replayed from the
    /// initialization, the adds, removes and earlier swaps, the balances stay positive and the pool within its target
    /// range (centeredness at or above its margin at the time), so no swap moves the virtual balances.</summary>
    [Fact]
    public void OnSwap_calls_carry_the_pools_real_balances_and_the_pools_stay_in_range()
    {
        int swaps = 0;
        foreach (string chain in Chains)
        {
            var decimals = Rows($"SELECT lower(hex(contract_address)), decimals FROM tokens.erc20 WHERE blockchain = '{chain}'")
                .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
            var pools = Rows($"""
                SELECT lower(hex(pool)), lower(substr(json_extract_string("tokenConfig"[1], '$.token'), 3)), lower(substr(json_extract_string("tokenConfig"[2], '$.token'), 3))
                FROM balancer_v3_{chain}."Vault_evt_PoolRegistered" WHERE factory = from_hex('355bd33f0033066bb3de396a6d069be57353ad95')
                """);
            var calls = Rows($"SELECT lower(hex(contract_address)), hex(call_tx_hash), request, CAST(output_amountCalculatedScaled18 AS VARCHAR), call_success FROM balancer_v3_{chain}.\"ReClammPool_call_onSwap\"")
                .ToDictionary(r => (r[0], r[1]));
            var stamps = Rows($"SELECT lower(hex(contract_address)), hex(evt_tx_hash), evt_index FROM balancer_v3_{chain}.\"ReClammPool_evt_LastTimestampUpdated\"")
                .Select(r => (r[0], r[1], r[2])).ToHashSet();
            Assert.Equal(Count($"SELECT count(*) FROM balancer_v3_{chain}.\"Vault_evt_Swap\" s JOIN balancer_v3_{chain}.\"Vault_evt_PoolRegistered\" r ON r.pool = s.pool WHERE r.factory = from_hex('355bd33f0033066bb3de396a6d069be57353ad95')"), calls.Count);
            foreach (var p in pools)
            {
                string pool = p[0];
                BigInteger sa = BigInteger.Pow(10, 18 - decimals[p[1]]), sb = BigInteger.Pow(10, 18 - decimals[p[2]]);
                // (block, log index, kind, tx, amount a, amount b, fee, token in) in the Vault's order.
                var ops = Rows($"""
                    SELECT evt_block_number, evt_index, 'add', hex(evt_tx_hash), CAST("amountsAddedRaw"[1] AS VARCHAR), CAST("amountsAddedRaw"[2] AS VARCHAR), '0', '' FROM balancer_v3_{chain}."Vault_evt_LiquidityAdded" WHERE lower(hex(pool)) = '{pool}'
                    UNION ALL SELECT evt_block_number, evt_index, 'remove', hex(evt_tx_hash), CAST("amountsRemovedRaw"[1] AS VARCHAR), CAST("amountsRemovedRaw"[2] AS VARCHAR), '0', '' FROM balancer_v3_{chain}."Vault_evt_LiquidityRemoved" WHERE lower(hex(pool)) = '{pool}'
                    UNION ALL SELECT evt_block_number, evt_index, 'swap', hex(evt_tx_hash), CAST("amountIn" AS VARCHAR), CAST("amountOut" AS VARCHAR), CAST("swapFeeAmount" AS VARCHAR), lower(hex("tokenIn")) FROM balancer_v3_{chain}."Vault_evt_Swap" WHERE lower(hex(pool)) = '{pool}'
                    UNION ALL SELECT evt_block_number, evt_index, 'vbu', hex(evt_tx_hash), CAST("virtualBalanceA" AS VARCHAR), CAST("virtualBalanceB" AS VARCHAR), '0', '' FROM balancer_v3_{chain}."ReClammPool_evt_VirtualBalancesUpdated" WHERE lower(hex(contract_address)) = '{pool}'
                    UNION ALL SELECT evt_block_number, evt_index, 'margin', hex(evt_tx_hash), CAST("centerednessMargin" AS VARCHAR), '0', '0', '' FROM balancer_v3_{chain}."ReClammPool_evt_CenterednessMarginUpdated" WHERE lower(hex(contract_address)) = '{pool}'
                    """).OrderBy(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ThenBy(r => long.Parse(r[1], CultureInfo.InvariantCulture)).ToList();
                BigInteger a = 0, b = 0, va = 0, vb = 0, margin = 0;
                bool initialized = false;
                foreach (var o in ops)
                {
                    BigInteger x = BigInteger.Parse(o[4], CultureInfo.InvariantCulture), y = BigInteger.Parse(o[5], CultureInfo.InvariantCulture);
                    switch (o[2])
                    {
                        case "add": a += x * sa; b += y * sb; initialized = true; break;
                        case "remove": a -= x * sa; b -= y * sb; break;
                        case "vbu": va = x; vb = y; break;
                        case "margin": margin = x; break;
                        default:
                            var call = calls[(pool, o[3])];
                            Assert.Equal("true", call[4].ToLowerInvariant());
                            using (var request = JsonDocument.Parse(call[2]))
                            {
                                var root = request.RootElement;
                                bool aIn = o[7] == p[1];
                                Assert.Equal(0, root.GetProperty("kind").GetInt32());
                                Assert.Equal(aIn ? 0 : 1, root.GetProperty("indexIn").GetInt32());
                                Assert.Equal(aIn ? 1 : 0, root.GetProperty("indexOut").GetInt32());
                                var balances = root.GetProperty("balancesScaled18");
                                Assert.Equal(a, BigInteger.Parse(balances[0].GetRawText(), CultureInfo.InvariantCulture));
                                Assert.Equal(b, BigInteger.Parse(balances[1].GetRawText(), CultureInfo.InvariantCulture));
                                BigInteger fee = BigInteger.Parse(o[6], CultureInfo.InvariantCulture);
                                Assert.Equal((x - fee) * (aIn ? sa : sb), BigInteger.Parse(root.GetProperty("amountGivenScaled18").GetRawText(), CultureInfo.InvariantCulture));
                                Assert.Equal(y * (aIn ? sb : sa), BigInteger.Parse(call[3], CultureInfo.InvariantCulture));
                                // The whole amount in stays in the pool; the amount out leaves it.
                                (a, b) = aIn ? (a + x * sa, b - y * sb) : (a - y * sa, b + x * sb);
                            }
                            Assert.Contains((pool, o[3], (long.Parse(o[1], CultureInfo.InvariantCulture) - 3000).ToString(CultureInfo.InvariantCulture)), stamps);
                            swaps++;
                            break;
                    }
                    if (!initialized)
                    {
                        continue;
                    }
                    Assert.True(a > 0 && b > 0, $"{chain} {pool}: a real balance at or below zero");
                    if (va > 0)
                    {
                        // ReClammMath's centeredness: min(Ra·Vb / (Rb·Va), its inverse), at or above the margin.
                        double centeredness = Math.Min((double)(a * vb) / (double)(b * va), (double)(b * va) / (double)(a * vb));
                        Assert.True(centeredness >= (double)margin / 1e18, $"{chain} {pool}: centeredness {centeredness} below the margin");
                    }
                }
            }
        }
        Assert.True(swaps > 0);
    }

    private List<string[]> Rows(string sql) => fixture.Rows(sql);
}
