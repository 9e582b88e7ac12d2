namespace Strata.Engine.DuckDb;

/// <summary>
/// More tables real queries read, derived from the demo tables: <c>tokens_ethereum.transfers</c> (the Ethereum rows of
/// tokens.transfers, as spellbook's per-chain model), <c>prices.usd_daily</c> (spellbook's prices_usd_daily.sql over
/// prices.usd), <c>labels.ens</c> (Dune's data catalog, curated/labels/ens-labels.mdx) and <c>ethereum.contracts</c>
/// (the decoded contracts: the tokens, routers and pairs the demo's transactions call; columns of spellbook's
/// ethereum_base_sources.yml), <c>labels.contracts</c> (spellbook's labels_contracts over it) and <c>cex.addresses</c> (exchanges' wallets, spellbook's cex_addresses model).
/// </summary>
public static partial class DemoData
{
    /// <summary>A real ENS name the docs' example looks up, with its real address.</summary>
    private const string VitalikAddress = "d8da6bf26964af9d7eed9e03e53415d37aa96045";

    private static IEnumerable<string> MoreScript(Sizes size)
    {
        yield return """
            CREATE SCHEMA IF NOT EXISTS tokens_ethereum;
            CREATE OR REPLACE TABLE tokens_ethereum.transfers AS
            SELECT * FROM tokens.transfers WHERE blockchain = 'ethereum' ORDER BY block_number, evt_index
            """;

        // Complete days only, as spellbook's model (it excludes the day in progress). The average is an ordered aggregate:
        // a parallel sum of doubles would differ in its last bits from run to run.
        yield return $$"""
            CREATE OR REPLACE TABLE prices.usd_daily AS
            SELECT CAST(make_timestamp(epoch_us(minute)) AS DATE) AS day,
                   blockchain, contract_address, any_value(decimals) AS decimals, symbol,
                   avg(price ORDER BY minute) AS price, arg_min(price, minute) AS price_open, max(price) AS price_high,
                   min(price) AS price_low, arg_max(price, minute) AS price_close
            FROM prices.usd
            GROUP BY CAST(make_timestamp(epoch_us(minute)) AS DATE), blockchain, contract_address, symbol
            HAVING CAST(make_timestamp(epoch_us(minute)) AS DATE) < CAST({{Sql(size.End)}} AS DATE)
            ORDER BY day, symbol
            """;

        // The busiest wallets (the generator favours low ids) have a name, as vitalik.eth (real) does.
        long named = Math.Clamp(size.Wallets / 10, 10, 5000);
        yield return $$"""
            CREATE OR REPLACE TABLE labels.ens AS
            WITH n(address, name) AS (
                SELECT demo_wallet(id),
                       ['alpha', 'moon', 'satoshi', 'degen', 'whale', 'ape', 'based', 'punk', 'gm', 'anon'][demo_int(id, 950, 10) + 1]
                       || CAST(id AS VARCHAR) || '.eth'
                FROM range({{Sql(named)}}) r(id)
                UNION ALL SELECT unhex('{{VitalikAddress}}'), 'vitalik.eth'
            )
            SELECT 'ethereum' AS blockchain, address, name, 'ENS' AS category, '0xRob' AS contributor, 'query' AS source,
                   DATE '2022-10-06' AS created_at, (SELECT max(time) FROM ethereum.blocks) AS updated_at,
                   'ens' AS model_name, 'identifier' AS label_type
            FROM n
            ORDER BY name
            """;

        // cex.addresses (spellbook's cex_addresses model): real hot wallets of well-known exchanges, and demo wallets
        // after the named ones as exchange deposit wallets, so flows to and from exchanges find demo transfers.
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS cex;
            CREATE OR REPLACE TABLE cex.addresses AS
            WITH k(address, cex_name, distinct_name) AS (
                SELECT * FROM (VALUES
                    (unhex('28c6c06298d514db089934071355e5743bf21d60'), 'Binance', 'Binance 14'),
                    (unhex('f977814e90da44bfa03b6295a0616a897441acec'), 'Binance', 'Binance 8'),
                    (unhex('a9d1e08c7793af67e9d92fe308d5697fb81d3e43'), 'Coinbase', 'Coinbase 10'),
                    (unhex('da9dfa130df4de4673b89022ee50ff26f6ea73cf'), 'Kraken', 'Kraken 13'),
                    (unhex('6cc5f688a315f3dc28a7781717a9a798a59fda7b'), 'OKX', 'OKX 7'),
                    (unhex('77134cbc06cb00b66f4c7e623d5fdbf6777635ec'), 'Bitfinex', 'Bitfinex 19'))
                UNION ALL
                SELECT demo_wallet({{Sql(named)}} + id), ['Binance', 'Coinbase', 'Kraken', 'OKX', 'Bitfinex'][id % 5 + 1],
                       ['Binance', 'Coinbase', 'Kraken', 'OKX', 'Bitfinex'][id % 5 + 1] || ' Deposit ' || CAST(id AS VARCHAR)
                FROM range(20) r(id)
            )
            SELECT 'ethereum' AS blockchain, address, cex_name, distinct_name, 'hildobby' AS added_by, DATE '2023-08-31' AS added_date
            FROM k
            ORDER BY cex_name, distinct_name
            """;

        string routers = string.Join(",\n                    ",
            Aggregators.Select(a => $"(unhex('{a.Address}'), '{(a.Project == "1inch" ? "oneinch" : "zeroex")}', '{(a.Project == "1inch" ? "AggregationRouterV6" : "ExchangeProxy")}', false)"));
        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.contracts AS
            WITH k(address, namespace, name, factory) AS (
                SELECT contract_address, lower(symbol), replace(name, ' ', ''), false FROM tokens.erc20 WHERE blockchain = 'ethereum'
                UNION ALL SELECT * FROM (VALUES
                    (unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d'), 'uniswap_v2', 'UniswapV2Router02', false),
                    (unhex('d9e1ce17f2641f24ae83637ab66a2cca9c378b9f'), 'sushi', 'UniswapV2Router02', false),
                    {{routers}})
                UNION ALL
                SELECT DISTINCT project_contract_address, CASE project WHEN 'uniswap' THEN 'uniswap_v2' ELSE 'sushi' END, 'Pair', true
                FROM dex.trades
            )
            SELECT namespace || '_' || name || '_' || lower(hex(address)) AS abi_id,
                   CASE WHEN name = 'Pair' OR namespace NOT IN ('uniswap_v2', 'sushi', 'oneinch', 'zeroex')
                        THEN '[{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"}]'
                        ELSE '[]' END AS abi,
                   address,
                   demo_wallet(hash(namespace) % 50) AS "from",
                   unhex('608060405234801561001057600080fd5b50') || demo_hash(hash(address), 961) AS code,
                   name,
                   namespace,
                   false AS dynamic,
                   NOT factory AS base,
                   factory,
                   CASE WHEN factory THEN 'factory' ELSE 'base' END AS detection_source,
                   (SELECT min(time) FROM ethereum.blocks) AS created_at
            FROM k
            ORDER BY namespace, name, address
            """;

        // labels.contracts (spellbook's labels_contracts model): every decoded contract of a chain's contracts table, named
        // "Namespace: Name" (the namespace's first letter upper case), distinct (the model's UNION). The demo has Ethereum's only.
        yield return """
            CREATE OR REPLACE TABLE labels.contracts AS
            SELECT DISTINCT 'ethereum' AS blockchain, address, upper(substr(namespace, 1, 1)) || substr(namespace, 2) || ': ' || name AS name,
                   'contracts' AS category, 'soispoke' AS contributor, 'query' AS source, DATE '2022-09-26' AS created_at,
                   (SELECT max(time) FROM ethereum.blocks) AS updated_at, 'contracts' AS model_name, 'identifier' AS label_type
            FROM ethereum.contracts
            ORDER BY name, address
            """;
    }
}
