using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>
/// CoW Protocol on the demo chain: solvers' <c>settle</c> calls of GPv2Settlement (kind <c>cow</c>, one transaction in a hundred;
/// DemoData.Chain.cs), decoded as Dune's <c>gnosis_protocol_v2_ethereum</c> tables, and spellbook's <c>cow_protocol_ethereum.trades</c>
/// derived from them as its model does (DemoData.CowTables.cs).
/// <list type="bullet">
/// <item>A settlement is a solver's (one of four wallets, ids 10-13) call of <c>settle(IERC20[] tokens, uint256[] clearingPrices,
/// GPv2Trade.Data[] trades, GPv2Interaction.Data[][3] interactions)</c> (<c>0x13d79a0b</c>) on GPv2Settlement
/// (<see cref="CowSettlement"/>) with one to three trades. A trade is a wallet's order between two of the well-known tokens (WETH-USDC in three
/// trades in ten, WETH-USDT or WETH-DAI in two, else the first tokens most often; either direction; a buy of WETH is a buy of native ETH,
/// <c>0xeeee…</c>, in half the cases), worth 100 to 100,000 USD at the minute's prices (those of
/// prices.usd): executed sell amount es, executed buy amount eb = es's value in the buy token less 0-1 %. Two orders in ten are buy
/// orders (flags bit 0), one in ten partially fillable (bit 1; the order is two to four times the fill, executedAmount is the
/// filled side). A fill-or-kill sell order's limit is (es, eb less 0.5-3 %), a buy order's (es plus 0.5-3 %, eb); a partial one's
/// both times its size. Six fill-or-kill orders in ten have no fee, the others pay 0.01-0.5 % of es in the sell token. Tokens are
/// listed per trade (sell, buy), clearing prices are (eb, es), so the contract's executed buy amount es × p(sell) / p(buy) is eb.
/// Receiver: the owner (the zero address) in eight cases in ten, else another wallet. EIP-712 signatures (65 bytes).</item>
/// <item>One interaction, in the middle list: a call of a solver's liquidity contract (a demo contract) with a selector and two
/// words. Pre- and post-interactions are empty.</item>
/// <item>Logs, as the contract emits them: one <c>Trade(address indexed owner, IERC20 sellToken, IERC20 buyToken, uint256
/// sellAmount, uint256 buyAmount, uint256 feeAmount, bytes orderUid)</c> per trade (sellAmount es + fee, buyAmount eb, the order
/// uid: a digest, the owner, validTo as four bytes), then <c>Interaction(address indexed target, uint256 value, bytes4
/// selector)</c>, then <c>Settlement(address indexed solver)</c>. Traces: the root and its interaction call (a failed
/// settlement reverted after its interaction, as other kinds' failures do).</item>
/// <item>Synthetic: order digests, app data and signatures (no Keccak-256 in the demo). Left out: the vault relayer's
/// transferFrom calls and the tokens' Transfer logs (erc20_ethereum.evt_Transfer is built from the other kinds only), ETH-flow
/// orders, and the settlement's internal buffers. Ethereum's only (DemoData.Homes.cs).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>CoW Protocol's GPv2Settlement (hex), its address on Ethereum.</summary>
    public const string CowSettlement = "9008d19f58aabd9ed0d60971565aa8510560ab41";

    private static readonly string[] CowTables =
    [
        "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Trade", "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Settlement",
        "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Interaction", "gnosis_protocol_v2_ethereum.GPv2Settlement_call_settle",
        "cow_protocol_ethereum.trades",
    ];

    /// <summary>
    /// The settlements' trades (temporary <c>demo_cow</c>, one row per trade) and per settlement its calldata and what its logs
    /// need (<c>demo_cow_tx</c>), from demo_txk, before demo_tx.
    /// </summary>
    private static IEnumerable<string> CowTradesScript(Sizes size)
    {
        string wallets = Sql(size.Wallets), contracts = Sql(size.Contracts);
        string known = WellKnownTokens.Count.ToString(CultureInfo.InvariantCulture);
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_cow AS
            WITH n AS (
                SELECT x.i, x.b, x.sender_id, unnest(range(x.cow_n)) AS j FROM demo_txk x WHERE x.kind = 'cow'
            ), o AS (
                SELECT n.*, n.i * 4 + n.j AS tk, k.time AS block_time, (epoch(k.time)::BIGINT // 60) * 60 AS minute_e
                FROM n JOIN demo_blocks k USING (b)
            ), d AS (
                -- the pair: WETH-USDC in three trades in ten, WETH-USDT or WETH-DAI in two, else two of the well-known tokens
                -- (the first ones most often); then either direction
                SELECT o.*, demo_int(tk, 121, 10) AS pair_roll,
                       CASE WHEN pair_roll < 3 THEN 0 WHEN pair_roll < 5 THEN 0 ELSE demo_pick(tk, 122, {{known}}, 3) END AS a_id,
                       CASE WHEN pair_roll < 3 THEN 1 WHEN pair_roll < 5 THEN 2 + demo_int(tk, 123, 2)
                            ELSE (a_id + 1 + demo_pick(tk, 125, {{known}} - 1, 3)) % {{known}} END AS b_id
                FROM o
            ), p AS (
                SELECT d.*, CASE WHEN demo_int(tk, 119, 2) = 0 THEN a_id ELSE b_id END AS sell_id,
                       CASE WHEN demo_int(tk, 119, 2) = 0 THEN b_id ELSE a_id END AS buy_id,
                       demo_wallet(demo_pick(tk, 120, {{wallets}}, 2)) AS owner,
                       pow(10, 2 + 3 * demo_u(tk, 124)) AS usd,
                       demo_int(tk, 126, 10) < 2 AS buy_order,
                       demo_int(tk, 127, 10) = 0 AS partial,
                       5 + demo_int(tk, 128, 26) AS slip,            -- the limit's distance, in thousandths
                       2 + demo_int(tk, 129, 3) AS size,             -- a partial order's size, in fills
                       CASE WHEN demo_int(tk, 130, 10) < 8 THEN {{ZeroAddress}}
                            ELSE demo_wallet(demo_pick(tk, 131, {{wallets}}, 2)) END AS receiver,
                       epoch(block_time)::BIGINT + 300 + demo_int(tk, 132, 3300) AS valid_to,
                       demo_hash(tk, 133) AS app_data
                FROM d
            ), q AS (
                SELECT p.*, ts.address AS sell_token,
                       CASE WHEN buy_id = 0 AND demo_int(tk, 134, 2) = 0 THEN unhex('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')
                            ELSE tb.address END AS buy_token,
                       demo_units128(usd / demo_price_at(ts.id, ts.price, ts.stable, minute_e) * pow(10, ts.decimals)) AS es,
                       demo_units128(usd * (1000 - demo_int(tk, 135, 11)) / 1000
                                     / demo_price_at(tb.id, tb.price, tb.stable, minute_e) * pow(10, tb.decimals)) AS eb
                FROM p
                JOIN demo_tokens ts ON ts.id = p.sell_id
                JOIN demo_tokens tb ON tb.id = p.buy_id
            ), l AS (
                SELECT q.*,
                       CASE WHEN partial OR demo_int(tk, 136, 10) < 6 THEN 0::HUGEINT
                            ELSE greatest(1, es * (1 + demo_int(tk, 137, 50)) // 10000) END AS fee,
                       CASE WHEN partial THEN size ELSE 1 END
                           * CASE WHEN buy_order THEN es * (1000 + slip) // 1000 ELSE es END AS limit_sell,
                       CASE WHEN partial THEN size ELSE 1 END
                           * CASE WHEN buy_order THEN eb ELSE eb * (1000 - slip) // 1000 END AS limit_buy,
                       buy_order::INTEGER + 2 * partial::INTEGER AS flags,
                       CASE WHEN NOT partial THEN 0::HUGEINT WHEN buy_order THEN eb ELSE es END AS executed,
                       demo_hash(tk, 138) || owner || (valid_to::UINTEGER)::BIT::BLOB AS order_uid
                FROM q
            )
            SELECT *,
                   -- the Trade's tuple: eleven head words, then the signature (65 bytes)
                   demo_word(2 * j) || demo_word(2 * j + 1) || demo_pad(receiver) || demo_word128(limit_sell) || demo_word128(limit_buy)
                       || demo_word(valid_to) || app_data || demo_word128(fee) || demo_word(flags) || demo_word128(executed)
                       || demo_word(352) || demo_abi_bytes(demo_hash(tk, 139) || demo_hash(tk, 140) || unhex('1b')) AS enc
            FROM l
            ORDER BY i, j
            """;
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_cow_tx AS
            WITH s AS (
                SELECT i, count(*) AS m,
                       list(demo_pad(sell_token) || demo_pad(buy_token) ORDER BY j) AS toks,
                       list(demo_word128(eb) || demo_word128(es) ORDER BY j) AS prices,
                       list(enc ORDER BY j) AS encs,
                       list({'owner': owner, 'sell': sell_token, 'buy': buy_token, 'sold': es + fee, 'bought': eb, 'fee': fee, 'uid': order_uid}
                            ORDER BY j) AS cow_trades
                FROM demo_cow GROUP BY i
            ), t AS (
                SELECT s.*,
                       demo_contract(demo_pick(i, 141, {{contracts}}, 2)) AS cow_target,
                       (hash(i, 142) >> 32)::UINTEGER::BIT::BLOB || demo_hash(i, 143) || demo_hash(i, 144) AS icall
                FROM s
            )
            SELECT i, m AS cow_m, cow_trades, cow_target, icall AS cow_icall,
                   -- settle: four offsets; tokens; clearing prices; trades (offsets, then the tuples, 480 bytes each);
                   -- interactions: three offsets, the empty pre list, the middle list with one (target, value, callData), the empty post list
                   unhex('13d79a0b') || demo_word(128) || demo_word(160 + 64 * m) || demo_word(192 + 128 * m) || demo_word(224 + 640 * m)
                       || demo_word(2 * m) || list_reduce(toks, lambda a, b: a || b)
                       || demo_word(2 * m) || list_reduce(prices, lambda a, b: a || b)
                       || demo_word(m) || list_reduce(list_transform(range(m), lambda j: demo_word(32 * m + 480 * j)), lambda a, b: a || b)
                       || list_reduce(encs, lambda a, b: a || b)
                       || demo_word(96) || demo_word(128) || demo_word(416) || demo_word(0)
                       || demo_word(1) || demo_word(32) || demo_pad(cow_target) || demo_word(0) || demo_word(96) || demo_abi_bytes(icall)
                       || demo_word(0) AS cow_data
            FROM t
            """;
    }
}
