namespace Strata.Engine.DuckDb;

/// <summary>
/// Dune's cross-chain EVM tables <c>evms.transactions</c>, <c>evms.blocks</c>, <c>evms.logs</c>, <c>evms.traces</c> and
/// <c>evms.erc20_transfers</c>: views that union the demo's chains (Ethereum and <see cref="OtherChains"/>) with a
/// <c>blockchain</c> column, as spellbook's <c>evms_tables</c> models do, with their column sets and casts (gas price and
/// value of transactions, difficulties of blocks as double). Views, not copies: they cost nothing to generate or store.
/// </summary>
public static partial class DemoData
{
    private static readonly string[] EvmsTables = ["evms.transactions", "evms.blocks", "evms.logs", "evms.traces", "evms.erc20_transfers"];

    private static IEnumerable<string> EvmsScript()
    {
        var chains = new[] { ("ethereum", "evm") }.Concat(OtherChains.Select(c => (c.Name, c.Kind))).ToList();
        yield return "CREATE SCHEMA IF NOT EXISTS evms;";
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
