namespace Strata.Engine.DuckDb;

/// <summary>
/// Dune's most used curated tables ("spells"), derived from the raw demo tables so they agree with them:
/// <c>dex.trades</c> (one row per Uniswap V2 / SushiSwap Swap log), <c>labels.addresses</c>, <c>tokens.transfers</c> (the ERC-20
/// transfers with amounts and USD values), and <c>prices.minute</c>, <c>prices.hour</c>, <c>prices.day</c>, <c>prices.latest</c>, <c>prices.usd_latest</c>
/// (from prices.usd). Column names and types follow spellbook's dex_trades.sql and tokens_transfers.sql and
/// Dune's data catalog (curated/prices/*.mdx).
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> SpellScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS dex; CREATE SCHEMA IF NOT EXISTS tokens; CREATE SCHEMA IF NOT EXISTS prices;";
        // A swap hop is a Swap log of a pair; the token sold is the transfer into the pair and the token bought
        // the transfer out of it, in the same transaction. The project is the pair's DEX (Uniswap V2 or SushiSwap),
        // whichever router (theirs or an aggregator's) called it.
        yield return $$"""
            CREATE OR REPLACE TABLE dex.trades AS
            WITH s AS (
                SELECT l.block_time, l.block_number, l.tx_hash, l."index" AS evt_index, l.contract_address AS pair,
                       t.sender AS tx_from, t.to_addr AS tx_to, t.uniswap
                FROM ethereum.logs l
                JOIN demo_tx t ON t.hash = l.tx_hash AND t.block_number = l.block_number
                WHERE l.topic0 = unhex('d78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822')
            ), x AS (
                SELECT s.*,
                       i.contract_address AS sold_address, i.value AS sold_raw,
                       o.contract_address AS bought_address, o.value AS bought_raw
                FROM s
                JOIN erc20_ethereum."evt_Transfer" i ON i.evt_tx_hash = s.tx_hash AND i."to" = s.pair AND i.evt_index < s.evt_index
                JOIN erc20_ethereum."evt_Transfer" o ON o.evt_tx_hash = s.tx_hash AND o."from" = s.pair AND o.evt_index < s.evt_index
            ), y AS (
                SELECT x.*, tb.symbol AS bought_symbol, ts.symbol AS sold_symbol,
                       CAST(x.bought_raw AS DOUBLE) / power(10, tb.decimals) AS bought_amount,
                       CAST(x.sold_raw AS DOUBLE) / power(10, ts.decimals) AS sold_amount,
                       pb.price AS bought_price, ps.price AS sold_price
                FROM x
                LEFT JOIN tokens.erc20 tb ON tb.contract_address = x.bought_address
                LEFT JOIN tokens.erc20 ts ON ts.contract_address = x.sold_address
                LEFT JOIN prices.usd pb ON pb.contract_address = x.bought_address AND pb.minute = date_trunc('minute', x.block_time)
                LEFT JOIN prices.usd ps ON ps.contract_address = x.sold_address AND ps.minute = date_trunc('minute', x.block_time)
            )
            SELECT 'ethereum' AS blockchain,
                   CASE WHEN uniswap THEN 'uniswap' ELSE 'sushiswap' END AS project,
                   CASE WHEN uniswap THEN '2' ELSE '1' END AS version,
                   CAST(date_trunc('month', block_time AT TIME ZONE 'UTC') AS DATE) AS block_month,
                   CAST(block_time AT TIME ZONE 'UTC' AS DATE) AS block_date,
                   block_time,
                   block_number,
                   bought_symbol AS token_bought_symbol,
                   sold_symbol AS token_sold_symbol,
                   CASE WHEN lower(bought_symbol) > lower(sold_symbol) THEN sold_symbol || '-' || bought_symbol
                        ELSE bought_symbol || '-' || sold_symbol END AS token_pair,
                   bought_amount AS token_bought_amount,
                   sold_amount AS token_sold_amount,
                   bought_raw AS token_bought_amount_raw,
                   sold_raw AS token_sold_amount_raw,
                   coalesce(bought_amount * bought_price, sold_amount * sold_price) AS amount_usd,
                   bought_address AS token_bought_address,
                   sold_address AS token_sold_address,
                   tx_from AS taker,
                   CAST(NULL AS BLOB) AS maker,
                   pair AS project_contract_address,
                   tx_hash,
                   tx_from,
                   tx_to,
                   evt_index::BIGINT AS evt_index
            FROM y
            ORDER BY block_number, evt_index
            """;
        // labels.addresses (Dune's curated/labels/address-labels.mdx columns): the real names of the addresses the demo
        // uses (tokens, routers, builders, rollup inboxes) and the demo's pair contracts, named from their trades.
        string aggregatorLabels = string.Join(",\n                    ", Aggregators.Select(a => $"(unhex('{a.Address}'), '{a.Name}', 'dex', 'dex_aggregator_ethereum')"));
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS labels;
            CREATE OR REPLACE TABLE labels.addresses AS
            WITH known(address, name, category, model_name) AS (
                SELECT contract_address, name || ' (' || symbol || ')', 'tokens', 'tokens_ethereum_erc20' FROM tokens.erc20
                UNION ALL SELECT * FROM (VALUES
                    (unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d'), 'Uniswap V2: Router 2', 'dex', 'uniswap_v2_ethereum'),
                    (unhex('d9e1ce17f2641f24ae83637ab66a2cca9c378b9f'), 'SushiSwap: Router', 'dex', 'sushiswap_v1_ethereum'),
                    (unhex('95222290dd7278aa3ddd389cc1e1d165cc4bafe5'), 'beaverbuild', 'infrastructure', 'builders_ethereum'),
                    (unhex('4838b106fce9647bdf1e7877bf73ce8b0bad5f97'), 'Titan Builder', 'infrastructure', 'builders_ethereum'),
                    (unhex('ff00000000000000000000000000000000008453'), 'Base: Batch Inbox', 'bridge', 'op_stack_batch_inboxes'),
                    (unhex('ff00000000000000000000000000000000000010'), 'OP Mainnet: Batch Inbox', 'bridge', 'op_stack_batch_inboxes'),
                    {{aggregatorLabels}})
                UNION ALL
                SELECT DISTINCT project_contract_address,
                       CASE project WHEN 'uniswap' THEN 'Uniswap V2: ' ELSE 'SushiSwap: ' END || token_pair,
                       'dex', project || '_v' || version || '_ethereum_pools'
                FROM dex.trades
            )
            SELECT 'ethereum' AS blockchain, address, name, category, 'strata' AS contributor, 'demo' AS source,
                   (SELECT min(time) FROM ethereum.blocks) AS created_at, (SELECT min(time) FROM ethereum.blocks) AS updated_at,
                   model_name, 'identifier' AS label_type
            FROM known
            ORDER BY category, name, address
            """;
        yield return """
            CREATE OR REPLACE TABLE tokens.transfers AS
            SELECT 'ethereum-' || lower(hex(t.evt_tx_hash)) || '-' || CAST(t.evt_index AS VARCHAR) AS unique_key,
                   'ethereum' AS blockchain,
                   CAST(date_trunc('month', t.evt_block_time AT TIME ZONE 'UTC') AS DATE) AS block_month,
                   t.evt_block_date AS block_date,
                   t.evt_block_time AS block_time,
                   t.evt_block_number AS block_number,
                   t.evt_tx_hash AS tx_hash,
                   t.evt_index,
                   CAST(NULL AS BIGINT[]) AS trace_address,
                   'erc20' AS token_standard,
                   t.evt_tx_from AS tx_from,
                   t.evt_tx_to AS tx_to,
                   t.evt_tx_index AS tx_index,
                   t."from",
                   t."to",
                   t.contract_address,
                   e.symbol,
                   t.value AS amount_raw,
                   CAST(t.value AS DOUBLE) / power(10, e.decimals) AS amount,
                   p.price AS price_usd,
                   CAST(t.value AS DOUBLE) / power(10, e.decimals) * p.price AS amount_usd
            FROM erc20_ethereum."evt_Transfer" t
            LEFT JOIN tokens.erc20 e ON e.contract_address = t.contract_address
            LEFT JOIN prices.usd p ON p.contract_address = t.contract_address AND p.minute = date_trunc('minute', t.evt_block_time)
            ORDER BY t.evt_block_number, t.evt_index
            """;
        // prices.hour / prices.day: the period's last minute price, at the period's start; prices.latest:
        // each token's last minute. In these modern tables native ETH has the zero address (as in dune.blockchains);
        // the legacy prices.usd has it with a NULL blockchain and contract_address.
        foreach (var (table, unit) in new[] { ("hour", "hour"), ("day", "day") })
        {
            yield return $"""
                CREATE OR REPLACE TABLE prices.{table} AS
                SELECT coalesce(blockchain, 'ethereum') AS blockchain, coalesce(contract_address, {ZeroAddress}) AS contract_address, symbol, date_trunc('{unit}', make_timestamp(epoch_us(minute))) AS "timestamp", arg_max(price, minute) AS price,
                       any_value(decimals) AS decimals, CAST(NULL AS DOUBLE) AS volume, 'demo' AS source
                FROM prices.usd
                GROUP BY coalesce(blockchain, 'ethereum'), coalesce(contract_address, {ZeroAddress}), symbol, date_trunc('{unit}', make_timestamp(epoch_us(minute)))
                ORDER BY "timestamp", symbol
                """;
        }
        yield return $$"""
            CREATE OR REPLACE TABLE prices.minute AS
            SELECT coalesce(blockchain, 'ethereum') AS blockchain, coalesce(contract_address, {{ZeroAddress}}) AS contract_address, symbol,
                   make_timestamp(epoch_us(minute)) AS "timestamp", price, decimals, CAST(NULL AS DOUBLE) AS volume, 'demo' AS source
            FROM prices.usd
            """;
        // prices.usd_latest (spellbook's prices_usd_latest.sql): the legacy table's last minute per token, native ETH included.
        yield return """
            CREATE OR REPLACE TABLE prices.usd_latest AS
            SELECT blockchain, contract_address, any_value(decimals) AS decimals, symbol, max(minute) AS minute, arg_max(price, minute) AS price
            FROM prices.usd
            GROUP BY blockchain, contract_address, symbol
            ORDER BY symbol
            """;
        yield return $$"""
            CREATE OR REPLACE TABLE prices.latest AS
            SELECT coalesce(blockchain, 'ethereum') AS blockchain, coalesce(contract_address, {{ZeroAddress}}) AS contract_address, symbol,
                   arg_max(price, minute) AS price, any_value(decimals) AS decimals,
                   make_timestamp(epoch_us(max(minute))) AS "timestamp", CAST(NULL AS DOUBLE) AS volume, 'demo' AS source
            FROM prices.usd
            GROUP BY coalesce(blockchain, 'ethereum'), coalesce(contract_address, {{ZeroAddress}}), symbol
            ORDER BY symbol
            """;
    }
}
