namespace Strata.Engine.DuckDb;

/// <summary>
/// More of Dune's tables that real queries read, derived from the raw demo tables so joins give rows:
/// <c>dex_aggregator.trades</c> (the swaps sent to an aggregator), <c>erc20_ethereum.evt_Approval</c> (the decoded
/// Approval logs), <c>ethereum.creation_traces</c> (the successful create traces), <c>nft.transfers</c>,
/// <c>nft.mints</c>, <c>tokens.nft</c> and <c>erc721_ethereum.evt_Transfer</c> (the ERC-721 Transfer logs of the demo's mints), <c>tokens_ethereum.stablecoins</c>,
/// <c>dune.blockchains</c> and <c>utils.days</c> / <c>utils.hours</c> / <c>utils.minutes</c>. Column names and types follow spellbook's models
/// and sources (dex_aggregator_trades, nft_transfers, nft_mints, ethereum_base_sources.yml) and Dune's data catalog.
/// </summary>
public static partial class DemoData
{
    /// <summary>The aggregator routers some swaps are sent to: their real mainnet addresses, Dune's project and version.</summary>
    public static IReadOnlyList<(string Address, string Project, string Version, string Name)> Aggregators { get; } =
    [
        ("111111125421ca6dc452d289314280a0f8842a65", "1inch", "AR v6", "1inch v6: Aggregation Router"),
        ("def1c0ded9bec7f1a1670819833240f027b25eff", "0x API", "v1", "0x: Exchange Proxy"),
    ];

    private const string ZeroAddress = "unhex('0000000000000000000000000000000000000000')";

    private static IEnumerable<string> CuratedScript(Sizes size)
    {
        string aggregators = string.Join(", ", Aggregators.Select(a => $"(unhex('{a.Address}'), '{a.Project}', '{a.Version}')"));

        // An aggregator trade is the whole swap of a transaction sent to an aggregator: the first hop's token
        // sold, the last hop's token bought (dex.trades has one row per hop).
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS dex_aggregator;
            CREATE OR REPLACE TABLE dex_aggregator.trades AS
            WITH a(address, project, version) AS (VALUES {{aggregators}}),
            t AS (
                SELECT a.project, a.version, d.tx_hash,
                       any_value(d.block_date) AS block_date, any_value(d.block_month) AS block_month,
                       any_value(d.block_time) AS block_time, any_value(d.block_number) AS block_number,
                       arg_max(d.token_bought_symbol, d.evt_index) AS token_bought_symbol,
                       arg_min(d.token_sold_symbol, d.evt_index) AS token_sold_symbol,
                       arg_max(d.token_bought_amount, d.evt_index) AS token_bought_amount,
                       arg_min(d.token_sold_amount, d.evt_index) AS token_sold_amount,
                       arg_max(d.token_bought_amount_raw, d.evt_index) AS token_bought_amount_raw,
                       arg_min(d.token_sold_amount_raw, d.evt_index) AS token_sold_amount_raw,
                       arg_max(d.amount_usd, d.evt_index) AS amount_usd,
                       arg_max(d.token_bought_address, d.evt_index) AS token_bought_address,
                       arg_min(d.token_sold_address, d.evt_index) AS token_sold_address,
                       any_value(d.tx_from) AS tx_from, any_value(d.tx_to) AS tx_to,
                       min(d.evt_index) AS evt_index
                FROM dex.trades d JOIN a ON a.address = d.tx_to
                GROUP BY a.project, a.version, d.tx_hash
            )
            SELECT 'ethereum' AS blockchain, project, version, block_date, block_month, block_time,
                   token_bought_symbol, token_sold_symbol,
                   CASE WHEN lower(token_bought_symbol) > lower(token_sold_symbol) THEN token_sold_symbol || '-' || token_bought_symbol
                        ELSE token_bought_symbol || '-' || token_sold_symbol END AS token_pair,
                   token_bought_amount, token_sold_amount, token_bought_amount_raw, token_sold_amount_raw, amount_usd,
                   token_bought_address, token_sold_address,
                   tx_from AS taker, CAST(NULL AS BLOB) AS maker, tx_to AS project_contract_address,
                   tx_hash, tx_from, tx_to, []::BIGINT[] AS trace_address, evt_index
            FROM t
            ORDER BY block_time, evt_index
            """;

        // The ERC-20 Approval logs, decoded: one per successful approval (owner the sender, spender the router),
        // mostly "unlimited" (2^256 - 1), else the amount of the approval's calldata.
        yield return $$"""
            CREATE OR REPLACE TABLE erc20_ethereum."evt_Approval" AS
            SELECT path_tok[1] AS contract_address,
                   hash AS evt_tx_hash,
                   sender AS evt_tx_from,
                   to_addr AS evt_tx_to,
                   tx_index::BIGINT AS evt_tx_index,
                   log_first::BIGINT AS evt_index,
                   demo_tz(block_time) AS evt_block_time,
                   block_number AS evt_block_number,
                   CAST(block_time AS DATE) AS evt_block_date,
                   sender AS owner,
                   router AS spender,
                   CASE WHEN variant < 8 THEN '115792089237316195423570985008687907853269984665640564039457584007913129639935'::{{Uint256Type}}
                        ELSE path_amt[1] END AS value
            FROM demo_tx
            WHERE kind = 'approve' AND success
            ORDER BY evt_block_number, evt_index
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE ethereum.creation_traces AS
            SELECT block_time, block_number, tx_hash, address, "from", code, {{CreationBlockMonth}}
            FROM ethereum.traces
            WHERE type = 'create' AND success
            ORDER BY block_number, tx_index
            """;

        foreach (string sql in NftScript())
        {
            yield return sql;
        }

        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS tokens_ethereum;
            CREATE OR REPLACE TABLE tokens_ethereum.stablecoins AS
            SELECT 'ethereum' AS blockchain, contract_address, 'Fiat-backed stablecoin' AS backing, symbol, decimals, name
            FROM tokens.erc20
            WHERE symbol IN ('USDC', 'USDT')
            UNION ALL
            SELECT 'ethereum', contract_address, 'Crypto-backed stablecoin', symbol, decimals, name
            FROM tokens.erc20
            WHERE symbol = 'DAI'
            """;

        // dune.blockchains: the chains Dune indexes, with the standardized native token address of prices.*.
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS dune;
            CREATE OR REPLACE TABLE dune.blockchains AS
            SELECT * FROM (VALUES
                ('ethereum', 'Ethereum', 1::BIGINT, {{ZeroAddress}}, 'ETH', 18, 'https://etherscan.io', TIMESTAMP '2015-07-30 15:26:28'),
                ('arbitrum', 'Arbitrum One', 42161, {{ZeroAddress}}, 'ETH', 18, 'https://arbiscan.io', TIMESTAMP '2021-05-29 00:35:47'),
                ('optimism', 'OP Mainnet', 10, {{ZeroAddress}}, 'ETH', 18, 'https://optimistic.etherscan.io', TIMESTAMP '2021-11-11 21:16:39'),
                ('base', 'Base', 8453, {{ZeroAddress}}, 'ETH', 18, 'https://basescan.org', TIMESTAMP '2023-06-15 00:35:47'),
                ('polygon', 'Polygon PoS', 137, {{ZeroAddress}}, 'POL', 18, 'https://polygonscan.com', TIMESTAMP '2020-05-30 16:30:29'),
                ('gnosis', 'Gnosis', 100, {{ZeroAddress}}, 'xDAI', 18, 'https://gnosisscan.io', TIMESTAMP '2018-10-08 18:43:40'))
                t(name, display_name, chain_id, token_address, token_symbol, token_decimals, explorer_link, first_block_time)
            """;

        // utils.days / utils.hours / utils.minutes (spellbook's utils models): one row per UTC day / hour / minute of the
        // demo's span (minutes as a view: utils_minutes.sql is one too, and nothing is stored for it).
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS utils;
            CREATE OR REPLACE TABLE utils.days AS
            SELECT CAST(t AS TIMESTAMP) AS "timestamp"
            FROM range(date_trunc('day', {{Sql(size.Start)}}), {{Sql(size.End)}} + INTERVAL 1 SECOND, INTERVAL 1 DAY) r(t);
            CREATE OR REPLACE TABLE utils.hours AS
            SELECT CAST(t AS TIMESTAMP) AS "timestamp"
            FROM range(date_trunc('hour', {{Sql(size.Start)}}), {{Sql(size.End)}} + INTERVAL 1 SECOND, INTERVAL 1 HOUR) r(t);
            CREATE OR REPLACE VIEW utils.minutes AS
            SELECT CAST(t AS TIMESTAMP) AS "timestamp"
            FROM range(date_trunc('hour', {{Sql(size.Start)}}), {{Sql(size.End)}} + INTERVAL 1 SECOND, INTERVAL 1 MINUTE) r(t);
            """;
    }

    /// <summary>
    /// nft.transfers: the ERC-721 Transfer logs (three indexed topics, the token id last; DemoData.Erc1155.cs adds the ERC-1155 rows); tokens.nft: one
    /// collection per contract that emitted them; nft.mints: the transfers from the zero address, priced
    /// from the ETH the minting transaction paid.
    /// </summary>
    private static IEnumerable<string> NftScript()
    {
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS nft;
            CREATE OR REPLACE TABLE nft.transfers AS
            SELECT 'ethereum' AS blockchain,
                   l.block_time,
                   CAST(date_trunc('month', l.block_date) AS DATE) AS block_month,
                   l.block_date,
                   l.block_number,
                   'erc721' AS token_standard,
                   'single' AS transfer_type,
                   l."index" AS evt_index,
                   l.contract_address,
                   {{Uint256AtHex("hex(l.topic3)", "0")}} AS token_id,
                   1::{{Uint256Type}} AS amount,
                   unhex(substr(hex(l.topic1), 25)) AS "from",
                   unhex(substr(hex(l.topic2), 25)) AS "to",
                   l.tx_from AS executed_by,
                   l.tx_hash,
                   'ethereum-' || lower(hex(l.tx_hash)) || '-' || CAST(l."index" AS VARCHAR) || '-' || lower(hex(l.topic3)) || '-1' AS unique_transfer_id
            FROM ethereum.logs l
            WHERE l.topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') AND l.topic3 IS NOT NULL
            ORDER BY l.block_number, l."index"
            """;
        yield return """
            CREATE OR REPLACE TABLE tokens.nft AS
            SELECT 'ethereum' AS blockchain, contract_address,
                   'Demo Collection ' || CAST(id AS VARCHAR) AS name, 'DNFT' || CAST(id AS VARCHAR) AS symbol, 'erc721' AS standard
            FROM (SELECT DISTINCT contract AS contract_address, contract_id AS id FROM demo_tx WHERE kind = 'nft' AND success)
            ORDER BY id
            """;
        yield return $$"""
            CREATE OR REPLACE TABLE nft.mints AS
            WITH m AS (
                SELECT n.*, t.value AS tx_value, t.to_addr,
                       count(*) OVER (PARTITION BY n.tx_hash) AS items
                FROM nft.transfers n JOIN demo_tx t ON t.hash = n.tx_hash AND t.block_number = n.block_number
                WHERE n."from" = unhex('0000000000000000000000000000000000000000')
            ), p AS (
                SELECT m.*, CAST(m.tx_value AS DOUBLE) / m.items / 1e18 AS eth, e.price
                FROM m LEFT JOIN prices.usd e ON e.contract_address IS NULL AND e.symbol = 'ETH' AND e.minute = date_trunc('minute', m.block_time)
            )
            SELECT 'ethereum' AS blockchain, 'demo' AS project, '1' AS version, p.block_time, p.block_month, p.block_date, p.block_number,
                   p.token_id, k.name AS collection, p.eth * p.price AS amount_usd, p.token_standard,
                   CASE WHEN p.items = 1 THEN 'Single Item Trade' ELSE 'Bundle Trade' END AS trade_type,
                   p.amount AS number_of_items, 'Mint' AS trade_category, 'Mint' AS evt_type,
                   p."from" AS seller, p."to" AS buyer, p.eth AS amount_original,
                   (CAST(p.tx_value AS VARCHAR)::HUGEINT // p.items)::{{Uint256Type}} AS amount_raw, 'ETH' AS currency_symbol,
                   unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2') AS currency_contract,
                   p.contract_address AS nft_contract_address, p.contract_address AS project_contract_address,
                   CAST(NULL AS VARCHAR) AS aggregator_name, CAST(NULL AS BLOB) AS aggregator_address,
                   p.tx_hash, p.executed_by AS tx_from, p.to_addr AS tx_to, p.evt_index
            FROM p LEFT JOIN tokens.nft k ON k.contract_address = p.contract_address
            ORDER BY p.block_number, p.evt_index
            """;
        // erc721_ethereum.evt_Transfer: Dune's decoded ERC-721 Transfer events (the same logs as nft.transfers, in the
        // decoded tables' column set: evt_* of the log, the indexed from / to / tokenId). A view: it costs nothing to generate.
        yield return Erc721TransferView("ethereum");
    }
}
