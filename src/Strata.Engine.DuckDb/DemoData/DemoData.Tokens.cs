using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>The ERC-20 tokens: well-known ones with their mainnet identity, synthetic ones, their metadata and prices.</summary>
public static partial class DemoData
{
    /// <summary>A well-known ERC-20 token: its mainnet address, symbol, name and decimals, and a typical USD price.</summary>
    /// <param name="Proxy">Whether the token delegates calls to an implementation contract (an upgradeable proxy).</param>
    /// <param name="Stable">Whether the token is a USD stablecoin (its price stays within a few tenths of a percent of 1).</param>
    public sealed record WellKnownToken(string Address, string Symbol, string Name, int Decimals, double Price, bool Proxy, bool Stable);

    /// <summary>
    /// The well-known tokens, ids 0, 1, ... in this order: WETH, USDC, USDT and DAI first (swaps of two hops
    /// route through one of those four).
    /// </summary>
    public static IReadOnlyList<WellKnownToken> WellKnownTokens { get; } =
    [
        new("c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", "Wrapped Ether", 18, 3000, false, false),
        new("a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", "USD Coin", 6, 1, true, true),
        new("dac17f958d2ee523a2206206994597c13d831ec7", "USDT", "Tether USD", 6, 1, false, true),
        new("6b175474e89094c44da98b954eedeac495271d0f", "DAI", "Dai Stablecoin", 18, 1, false, true),
        new("2260fac5e5542a773aa44fbcfedf7c193bc2c599", "WBTC", "Wrapped BTC", 8, 90000, false, false),
        new("514910771af9ca656af840dff83e8264ecf986ca", "LINK", "ChainLink Token", 18, 14, false, false),
        new("1f9840a85d5af5bf1d1762f925bdaddc4201f984", "UNI", "Uniswap", 18, 6, false, false),
        new("7fc66500c84a76ad7e9c93437bfc5ac33e2ddae9", "AAVE", "Aave Token", 18, 180, true, false),
        new("ae7ab96520de3a18e5e111b5eaab095312d7fe84", "stETH", "Liquid staked Ether 2.0", 18, 3000, true, false),
        new("9f8f72aa9304c8b593d555f12ef6589cc3a579a2", "MKR", "Maker", 18, 1500, false, false),
        new("5a98fcbea516cf06857215779fd812ca3bef1b32", "LDO", "Lido DAO Token", 18, 0.8, false, false),
        new("d533a949740bb3306d119cc777fa900ba034cd52", "CRV", "Curve DAO Token", 18, 0.5, false, false),
        new("95ad61b0a150d79219dcf64e1e6cc01f0b64c4ce", "SHIB", "SHIBA INU", 18, 0.00001, false, false),
        new("6982508145454ce325ddbe47a25d4ec3d2311933", "PEPE", "Pepe", 18, 0.000006, false, false),
    ];

    /// <summary>
    /// demo_tokens: the well-known tokens, then synthetic ones (symbol DEMOn). One synthetic token in five is a
    /// "meme" token whose transfers go beyond 2^128. lo is the smallest power of ten of an amount's last
    /// significant digit (amounts are 1-8 significant digits times 10^(lo .. lo+6)), chosen so that an amount is
    /// worth up to about a million USD at the token's price. Proxy tokens (like USDC) delegatecall an
    /// implementation contract.
    /// </summary>
    private static IEnumerable<string> TokenScript(Sizes size)
    {
        string known = string.Join(",\n                ", WellKnownTokens.Select((t, id) => string.Create(CultureInfo.InvariantCulture,
            $"({id}, unhex('{t.Address}'), '{t.Symbol}', '{t.Name}', {t.Decimals}, CAST({t.Price:R} AS DOUBLE), {t.Proxy}, {t.Stable})")));
        const string syntheticDecimals = "CASE WHEN demo_int(t.id, 102, 10) < 7 THEN 18 WHEN demo_int(t.id, 102, 10) < 9 THEN 6 ELSE 9 END";
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_tokens AS
            WITH t AS (
                SELECT t.id,
                       coalesce(r.address, demo_addr(t.id, 101)) AS address,
                       coalesce(r.symbol, 'DEMO' || t.id) AS symbol,
                       coalesce(r.name, 'Demo Token ' || t.id) AS name,
                       coalesce(r.decimals, {{syntheticDecimals}})::INTEGER AS decimals,
                       r.id IS NULL AND t.id % 5 = 0 AS meme,
                       -- a meme token's amounts are 10^30 to 10^46 units (beyond 2^128); priced so that the largest is
                       -- worth about a million USD, as the others' are
                       coalesce(r.price, CASE WHEN t.id % 5 = 0 THEN pow(10, {{syntheticDecimals}} - 40) * (1 + demo_u(t.id, 105))
                                              ELSE pow(10, demo_int(t.id, 103, 7) - 4) * (1 + demo_u(t.id, 105)) END) AS price,
                       coalesce(r.proxy, demo_int(t.id, 104, 7) = 0) AS proxy,
                       coalesce(r.stable, false) AS stable
                FROM range({{Sql(size.Tokens)}}) t(id)
                LEFT JOIN (VALUES
                    {{known}}
                ) r(id, address, symbol, name, decimals, price, proxy, stable) ON r.id = t.id
            )
            SELECT *, (decimals - 8 + round(-log10(price)))::INTEGER AS lo FROM t
            """;
    }

    /// <summary>
    /// tokens.erc20 (one row per token) and prices.usd: per minute of the span, every token's price, plus
    /// native ETH (blockchain and contract_address NULL, as in Dune's prices.usd) at WETH's price. Prices
    /// drift smoothly (two slow waves per token) with a little noise per minute; stablecoins stay near 1.
    /// </summary>
    private static IEnumerable<string> PriceScript(Sizes size)
    {
        long firstMinute = new DateTimeOffset(size.Start).ToUnixTimeSeconds() / 60 * 60;
        long lastMinute = new DateTimeOffset(size.End).ToUnixTimeSeconds() / 60 * 60;
        yield return """
            CREATE SCHEMA IF NOT EXISTS tokens;
            CREATE SCHEMA IF NOT EXISTS prices;
            CREATE OR REPLACE TABLE tokens.erc20 AS
            SELECT 'ethereum' AS blockchain, address AS contract_address, symbol, name, decimals
            FROM demo_tokens
            ORDER BY id
            """;
        yield return $$"""
            CREATE OR REPLACE TABLE prices.usd AS
            WITH t AS (
                SELECT id, 'ethereum' AS blockchain, address, symbol, decimals, price, stable FROM demo_tokens
                UNION ALL
                SELECT id, NULL, NULL, 'ETH', 18, price, false FROM demo_tokens WHERE id = 0
            ), m AS (
                SELECT e FROM range({{Sql(firstMinute)}}, {{Sql(lastMinute + 60)}}, 60) r(e)
            )
            SELECT to_timestamp(m.e) AS minute,
                   t.blockchain,
                   t.address AS contract_address,
                   t.symbol,
                   t.decimals,
                   demo_price_at(t.id, t.price, t.stable, m.e) AS price
            FROM m CROSS JOIN t
            """;
    }
}
