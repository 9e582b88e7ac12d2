namespace Strata.Engine.DuckDb;

/// <summary>
/// Dune's cross-chain EVM tables <c>evms.transactions</c>, <c>evms.blocks</c>, <c>evms.logs</c>, <c>evms.traces</c> and
/// <c>evms.erc20_transfers</c>: views that union the demo's chains (Ethereum and <see cref="OtherChains"/>) with a
/// <c>blockchain</c> column, as spellbook's <c>evms_tables</c> models do, with their column sets and casts (gas price and
/// value of transactions, difficulties of blocks as double). Views, not copies: they cost nothing to generate or store.
/// </summary>
public static partial class DemoData
{
    private static readonly string[] EvmsTables = ["evms.transactions", "evms.blocks", "evms.logs", "evms.traces", "evms.erc20_transfers", "evms.info"];

    private static IEnumerable<string> EvmsScript()
    {
        var chains = new[] { ("ethereum", "evm") }.Concat(OtherChains.Select(c => (c.Name, c.Kind))).ToList();
        yield return "CREATE SCHEMA IF NOT EXISTS evms;";
        yield return EvmsInfoScript();
        yield return "CREATE OR REPLACE VIEW evms.transactions AS\n" + Union(chains, (chain, kind) => $"""
            SELECT '{chain}' AS blockchain, access_list, block_hash, data, "from", hash, "to", block_number, block_time, block_date,
                   gas_limit, CAST(gas_price AS DOUBLE) AS gas_price, gas_used, "index", max_fee_per_gas, max_priority_fee_per_gas, nonce,
                   priority_fee_per_gas, success, type, CAST(value AS DOUBLE) AS value,
                   {L2Columns(kind)}
            FROM {chain}.transactions
            """);
        yield return "CREATE OR REPLACE VIEW evms.blocks AS\n" + Union(chains, (chain, _) => $"""
            SELECT '{chain}' AS blockchain, hash, miner, nonce, parent_hash, size, time, CAST(total_difficulty AS DOUBLE) AS total_difficulty,
                   number, base_fee_per_gas, CAST(difficulty AS DOUBLE) AS difficulty, gas_limit, gas_used, date
            FROM {chain}.blocks
            """);
        yield return "CREATE OR REPLACE VIEW evms.logs AS\n" + Union(chains, (chain, _) => $"""
            SELECT '{chain}' AS blockchain, block_time, block_date, block_number, block_hash, contract_address, topic0, topic1, topic2, topic3,
                   data, tx_hash, "index", tx_index, tx_from, tx_to
            FROM {chain}.logs
            """);
        yield return "CREATE OR REPLACE VIEW evms.traces AS\n" + Union(chains, (chain, _) => $"""
            SELECT '{chain}' AS blockchain, * FROM {chain}.traces
            """);
        yield return "CREATE OR REPLACE VIEW evms.erc20_transfers AS\n" + Union(chains, (chain, _) => $"""
            SELECT '{chain}' AS blockchain, contract_address, evt_tx_hash, evt_index, evt_block_date, evt_tx_from, evt_tx_to, evt_tx_index,
                   evt_block_time, evt_block_number, "from", "to", value
            FROM erc20_{chain}."evt_Transfer"
            """);
    }

    /// <summary>
    /// <c>evms.info</c>: spellbook's <c>evms_info.sql</c> (a static table of chain metadata: its columns, and its rows for the
    /// demo's eight chains, public facts: chain id, name, type, native token, wrapped native token, explorer, first block).
    /// </summary>
    private static string EvmsInfoScript() => """
        CREATE OR REPLACE TABLE evms.info AS
        SELECT * FROM (VALUES
            (1, 'ethereum', 'Ethereum', 'Layer 1', NULL, 'ETH', unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'), 'https://etherscan.io/', TIMESTAMP '2015-07-30 15:26:00', NULL, NULL, NULL, true, NULL),
            (43114, 'avalanche_c', 'Avalanche C-Chain', 'Layer 1', NULL, 'AVAX', unhex('b31f66aa3c1e785363f0875a1b74e27b85fd66c7'), 'https://snowtrace.io/', TIMESTAMP '2020-09-23 11:02:00', NULL, NULL, NULL, true, NULL),
            (42161, 'arbitrum', 'Arbitrum One', 'Layer 2', 'Optimistic Rollup', 'ETH', unhex('82af49447d8a07e3bd95bd0d56f35241523fbab1'), 'https://arbiscan.io/', TIMESTAMP '2021-05-29 00:35:00', 'Arbitrum', 'Ethereum Blobs', 'Ethereum', true, NULL),
            (10, 'optimism', 'OP Mainnet', 'Layer 2', 'Optimistic Rollup', 'ETH', unhex('4200000000000000000000000000000000000006'), 'https://explorer.optimism.io/', TIMESTAMP '2021-11-11 21:16:00', 'OP Stack', 'Ethereum Blobs', 'Ethereum', true, 'Superchain'),
            (100, 'gnosis', 'Gnosis', 'Layer 1', NULL, 'xDAI', unhex('e91d153e0b41518a2ce8dd3d7944fa863463a97d'), 'https://gnosisscan.io/', TIMESTAMP '2018-10-08 18:43:00', NULL, NULL, NULL, true, NULL),
            (137, 'polygon', 'Polygon PoS', 'Layer 1', NULL, 'POL', unhex('0d500b1d8e8ef31e21c99d1db9a6444d3adf1270'), 'https://polygonscan.com/', TIMESTAMP '2020-05-30 16:30:00', NULL, NULL, NULL, true, NULL),
            (56, 'bnb', 'BNB', 'Layer 1', NULL, 'BNB', unhex('bb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c'), 'https://bscscan.com/', TIMESTAMP '2020-08-29 03:24:00', NULL, NULL, NULL, true, NULL),
            (8453, 'base', 'Base', 'Layer 2', 'Optimistic Rollup', 'ETH', unhex('4200000000000000000000000000000000000006'), 'https://basescan.org/', TIMESTAMP '2023-06-15 00:35:00', 'OP Stack', 'Ethereum Blobs', 'Ethereum', true, 'Superchain')
        ) v(chain_id, blockchain, name, chain_type, rollup_type, native_token_symbol, wrapped_native_token_address, explorer_link, first_block_time,
            codebase, data_availability, settlement, is_on_dune, ecosystem)
        ORDER BY chain_id
        """;

    private static string Union(List<(string Name, string Kind)> chains, Func<string, string, string> select) =>
        string.Join("\nUNION ALL\n", chains.Select(c => select(c.Name, c.Kind)));

    /// <summary>The L2 fee columns of spellbook's evms_transactions: the chain's own on OP Stack chains and Arbitrum, NULL elsewhere.</summary>
    private static string L2Columns(string kind) => kind switch
    {
        "op" => "l1_tx_origin, l1_fee_scalar, l1_block_number, l1_fee, l1_gas_price, l1_gas_used, l1_timestamp, CAST(NULL AS DECIMAL(38,0)) AS effective_gas_price",
        "arbitrum" => "CAST(NULL AS BLOB) AS l1_tx_origin, CAST(NULL AS DOUBLE) AS l1_fee_scalar, CAST(NULL AS DECIMAL(38,0)) AS l1_block_number, "
            + "CAST(NULL AS DECIMAL(38,0)) AS l1_fee, CAST(NULL AS DECIMAL(38,0)) AS l1_gas_price, CAST(gas_used_for_l1 AS DECIMAL(38,0)) AS l1_gas_used, "
            + "CAST(NULL AS BIGINT) AS l1_timestamp, effective_gas_price",
        _ => "CAST(NULL AS BLOB) AS l1_tx_origin, CAST(NULL AS DOUBLE) AS l1_fee_scalar, CAST(NULL AS DECIMAL(38,0)) AS l1_block_number, "
            + "CAST(NULL AS DECIMAL(38,0)) AS l1_fee, CAST(NULL AS DECIMAL(38,0)) AS l1_gas_price, CAST(NULL AS DECIMAL(38,0)) AS l1_gas_used, "
            + "CAST(NULL AS BIGINT) AS l1_timestamp, CAST(NULL AS DECIMAL(38,0)) AS effective_gas_price",
    };
}
