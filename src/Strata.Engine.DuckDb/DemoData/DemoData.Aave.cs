using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Aave v3 on the demo chain: wallets' calls of the Pool (kind <c>aave</c>, two transactions in a hundred; DemoData.Chain.cs),
/// decoded as Dune's <c>aave_v3_ethereum</c> Pool event tables, and spellbook's lending models derived from them as their SQL
/// does (DemoData.AaveTables.cs).
/// <list type="bullet">
/// <item>A transaction is a wallet's call of the Pool (<see cref="AavePool"/>, the proxy) on one of the well-known tokens that are
/// Aave v3 reserves on Ethereum (WETH, USDC, USDT, DAI, WBTC, LINK, UNI, AAVE, MKR, LDO, CRV; the first most often) worth 100 to
/// 100,000 USD at the minute's prices (those of prices.usd): <c>supply(address asset, uint256 amount, address onBehalfOf, uint16
/// referralCode)</c> in seven cases in twenty, <c>withdraw(address asset, uint256 amount, address to)</c> in four,
/// <c>borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)</c> in four,
/// <c>repay(address asset, uint256 amount, uint256 interestRateMode, address onBehalfOf)</c> (or, in one repay in four,
/// <c>repayWithATokens(address asset, uint256 amount, uint256 interestRateMode)</c>) in three, and
/// <c>liquidationCall(address collateralAsset, address debtAsset, address user, uint256 debtToCover, bool receiveAToken)</c> in two:
/// the debt (another reserve) worth the drawn value, the collateral seized worth it plus a 5-10 % bonus, the borrower another
/// wallet, the aTokens received in one case in four.</item>
/// <item>onBehalfOf (and a withdrawal's <c>to</c>) is the sender in nine cases in ten, else another wallet; a referral code in one
/// case in ten (else 0); a borrow's rate mode variable (2), the only one since Aave v3.2 removed the stable mode (1), at a 2-12 %
/// rate (a ray, 1e27 = 100 %).</item>
/// <item>Logs, as the Pool emits them (IPool): one per successful call, <c>Supply(address indexed reserve, address user, address
/// indexed onBehalfOf, uint256 amount, uint16 indexed referralCode)</c>, <c>Withdraw(address indexed reserve, address indexed user,
/// address indexed to, uint256 amount)</c>, <c>Borrow(address indexed reserve, address user, address indexed onBehalfOf, uint256
/// amount, uint8 interestRateMode, uint256 borrowRate, uint16 indexed referralCode)</c>, <c>Repay(address indexed reserve, address
/// indexed user, address indexed repayer, uint256 amount, bool useATokens)</c> (user: onBehalfOf, or the sender when repaying with
/// aTokens), <c>LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed user, uint256
/// debtToCover, uint256 liquidatedCollateralAmount, address liquidator, bool receiveAToken)</c>. A failed call logs nothing.</item>
/// <item>Left out: the Pool's other logs in those transactions (ReserveDataUpdated, the aTokens' and debt tokens' Mint/Burn and
/// Transfer, the underlying token's Transfer: erc20_ethereum.evt_Transfer is built from the other kinds only), the proxy's
/// delegatecall to the implementation (the root trace only), flash loans, the WrappedTokenGatewayV3 (ETH) calls. Ethereum's only
/// (DemoData.Homes.cs).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>Aave v3's Pool (the proxy, hex), its address on Ethereum.</summary>
    public const string AavePool = "87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";

    /// <summary>The well-known tokens (their symbols) that are Aave v3 reserves on Ethereum, the most used first.</summary>
    private static readonly string[] AaveReserves = ["WETH", "USDC", "USDT", "DAI", "WBTC", "LINK", "UNI", "AAVE", "MKR", "LDO", "CRV"];

    private static readonly string[] AaveTables =
    [
        "aave_v3_ethereum.Pool_evt_Supply", "aave_v3_ethereum.Pool_evt_Withdraw", "aave_v3_ethereum.Pool_evt_Borrow",
        "aave_v3_ethereum.Pool_evt_Repay", "aave_v3_ethereum.Pool_evt_LiquidationCall", "aave_v3_ethereum.base_supply",
        "aave_v3_ethereum.base_borrow", "lending.supply", "lending.borrow", "aave_ethereum.supply", "aave_ethereum.borrow",
    ];

    /// <summary>
    /// Per Aave transaction (temporary <c>demo_aave_tx</c>, from demo_txk, before demo_tx): its calldata and its log's topics and data.
    /// </summary>
    private static IEnumerable<string> AaveCallsScript(Sizes size)
    {
        string wallets = Sql(size.Wallets);
        string reserves = string.Join(", ", AaveReserves.Select(s => WellKnownTokens.Select((t, id) => (t, id)).Single(x => x.t.Symbol == s).id)
            .Select(id => id.ToString(CultureInfo.InvariantCulture)));
        string count = AaveReserves.Length.ToString(CultureInfo.InvariantCulture);
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_aave_tx AS
            WITH a AS (
                SELECT x.i, demo_wallet(x.sender_id) AS sender, (epoch(k.time)::BIGINT // 60) * 60 AS minute_e,
                       demo_int(x.i, 150, 20) AS act_roll,
                       demo_pick(x.i, 151, {{count}}, 3) AS r_at,
                       ([{{reserves}}])[r_at + 1] AS r_id,
                       ([{{reserves}}])[(r_at + 1 + demo_int(x.i, 152, {{count}} - 1)) % {{count}} + 1] AS d_id,
                       pow(10, 2 + 3 * demo_u(x.i, 153)) AS usd,
                       CASE WHEN demo_int(x.i, 154, 10) = 0 THEN demo_wallet(demo_pick(x.i, 155, {{wallets}}, 2))
                            ELSE demo_wallet(x.sender_id) END AS other,
                       CASE WHEN demo_int(x.i, 156, 10) = 0 THEN demo_int(x.i, 157, 65536) ELSE 0 END AS referral,
                       2 AS rate_mode,  -- variable: Aave v3.2 removed the stable rate mode (1)
                       CAST((2 + 10 * demo_u(x.i, 159)) * 1e7 AS HUGEINT) * demo_pow10(18) AS rate,
                       demo_int(x.i, 160, 4) = 0 AS flag,
                       demo_wallet((x.sender_id + 1 + demo_int(x.i, 161, {{wallets}} - 1)) % {{wallets}}) AS borrower,
                       1.05 + 0.05 * demo_u(x.i, 162) AS bonus
                FROM demo_txk x JOIN demo_blocks k USING (b)
                WHERE x.kind = 'aave'
            ), b AS (
                SELECT a.*,
                       CASE WHEN act_roll < 7 THEN 'supply' WHEN act_roll < 11 THEN 'withdraw' WHEN act_roll < 15 THEN 'borrow'
                            WHEN act_roll < 18 THEN 'repay' ELSE 'liquidation' END AS act,
                       r.address AS reserve, d.address AS debt,
                       -- the drawn value in the reserve (a liquidation's collateral: with the bonus), and in the debt asset
                       demo_units128(usd * CASE WHEN act_roll >= 18 THEN bonus ELSE 1 END
                                     / demo_price_at(r.id, r.price, r.stable, minute_e) * pow(10, r.decimals)) AS amount,
                       demo_units128(usd / demo_price_at(d.id, d.price, d.stable, minute_e) * pow(10, d.decimals)) AS debt_amount
                FROM a
                JOIN demo_tokens r ON r.id = a.r_id
                JOIN demo_tokens d ON d.id = a.d_id
            )
            SELECT i, act AS av_act,
                   CASE act
                       WHEN 'supply' THEN unhex('617ba037') || demo_pad(reserve) || demo_word128(amount) || demo_pad(other) || demo_word(referral)
                       WHEN 'withdraw' THEN unhex('69328dec') || demo_pad(reserve) || demo_word128(amount) || demo_pad(other)
                       WHEN 'borrow' THEN unhex('a415bcad') || demo_pad(reserve) || demo_word128(amount) || demo_word(rate_mode)
                                          || demo_word(referral) || demo_pad(other)
                       WHEN 'repay' THEN CASE WHEN flag THEN unhex('2dad97d4') || demo_pad(reserve) || demo_word128(amount) || demo_word(2)
                                              ELSE unhex('573ade81') || demo_pad(reserve) || demo_word128(amount) || demo_word(2) || demo_pad(other) END
                       ELSE unhex('00a718a9') || demo_pad(reserve) || demo_pad(debt) || demo_pad(borrower) || demo_word128(debt_amount)
                            || demo_word(flag::INTEGER) END AS av_input,
                   CASE act  -- the events' topic0: keccak-256 of their signatures
                       WHEN 'supply' THEN unhex('2b627736bca15cd5381dcf80b0bf11fd197d01a037c52b927a881a10fb73ba61')
                       WHEN 'withdraw' THEN unhex('3115d1449a7b732c986cba18244e897a450f61e1bb8d589cd2e69e6c8924f9f7')
                       WHEN 'borrow' THEN unhex('b3d084820fb1a9decffb176436bd02558d15fac9b0ddfed8c465bc7359d7dce0')
                       WHEN 'repay' THEN unhex('a534c8dbe71f871f9f3530e97a74601fea17b426cae02e1c5aee42c96c784051')
                       ELSE unhex('e413a321e8681d831f4dbccbca790d2952b56f977908e45be37335533e005286') END AS av_topic0,
                   demo_pad(reserve) AS av_topic1,
                   CASE act WHEN 'supply' THEN demo_pad(other) WHEN 'withdraw' THEN demo_pad(sender) WHEN 'borrow' THEN demo_pad(other)
                            WHEN 'repay' THEN demo_pad(CASE WHEN flag THEN sender ELSE other END) ELSE demo_pad(debt) END AS av_topic2,
                   CASE act WHEN 'supply' THEN demo_word(referral) WHEN 'withdraw' THEN demo_pad(other) WHEN 'borrow' THEN demo_word(referral)
                            WHEN 'repay' THEN demo_pad(sender) ELSE demo_pad(borrower) END AS av_topic3,
                   CASE act WHEN 'supply' THEN demo_pad(sender) || demo_word128(amount)
                            WHEN 'withdraw' THEN demo_word128(amount)
                            WHEN 'borrow' THEN demo_pad(sender) || demo_word128(amount) || demo_word(rate_mode) || demo_word128(rate)
                            WHEN 'repay' THEN demo_word128(amount) || demo_word(flag::INTEGER)
                            ELSE demo_word128(debt_amount) || demo_word128(amount) || demo_pad(sender) || demo_word(flag::INTEGER) END AS av_data
            FROM b
            """;
    }
}
