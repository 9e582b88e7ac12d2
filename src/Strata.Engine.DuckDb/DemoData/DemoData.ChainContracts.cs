namespace Strata.Engine.DuckDb;

/// <summary>
/// The other EVM chains' <c>erc20_&lt;chain&gt;.evt_Approval</c> and <c>&lt;chain&gt;.contracts</c>.
/// <list type="bullet">
/// <item><c>erc20_&lt;chain&gt;.evt_Approval</c> (Tron's too): the Approval events of the Ethereum transactions the chain replays
/// (DemoData.Chains.cs), with the chain's transaction, block, log index and token address, as its <c>evt_Transfer</c>; so
/// they are the decoded <c>Approval</c> logs of <c>&lt;chain&gt;.logs</c>.</item>
/// <item><c>&lt;chain&gt;.contracts</c>: Dune's decoded-contract table (ethereum.contracts' columns, spellbook's
/// <c>&lt;chain&gt;_base_sources.yml</c>) over the chain's tokens (tokens.erc20) and the DEX pairs its logs swap in, named as
/// Ethereum's are.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> ChainContractTables =>
        ReplayedChains.Select(c => $"erc20_{c.Name}.evt_Approval").Concat(OtherChains.Select(c => $"{c.Name}.contracts"));

    /// <summary>A chain's decoded approvals; runs in OneChainScript while <c>demo_chain_tx</c> holds the chain's sample.</summary>
    private static string ChainApprovals(string name) => $$"""
        CREATE OR REPLACE TABLE erc20_{{name}}."evt_Approval" AS
        SELECT coalesce(m.address, e.contract_address) AS contract_address,
               t.chain_hash AS evt_tx_hash,
               t.sender AS evt_tx_from,
               t.chain_to AS evt_tx_to,
               t.chain_index AS evt_tx_index,
               t.chain_log_first + e.evt_index - t.log_first AS evt_index,
               demo_tz(t.chain_time) AS evt_block_time,
               t.number AS evt_block_number,
               CAST(t.chain_time AS DATE) AS evt_block_date,
               e.owner,
               e.spender,
               e.value
        FROM erc20_ethereum."evt_Approval" e
        JOIN demo_chain_tx t ON t.hash = e.evt_tx_hash AND t.block_number = e.evt_block_number
        LEFT JOIN demo_chain_tokens m ON m.chain = '{{name}}' AND m.eth_address = e.contract_address
        ORDER BY evt_block_number, evt_index
        """;

    private static IEnumerable<string> ChainContractScript()
    {
        foreach (var c in OtherChains)
        {
            // the chain's tokens and the pairs of its Swap logs (the replayed Uniswap V2 and SushiSwap swaps' pairs keep their address)
            yield return $$"""
                CREATE OR REPLACE TABLE {{c.Name}}.contracts AS
                WITH p AS (
                    SELECT DISTINCT l.contract_address AS address, coalesce(e.namespace, 'uniswap_v2') AS namespace
                    FROM {{c.Name}}.logs l
                    LEFT JOIN (SELECT address, namespace FROM ethereum.contracts WHERE name = 'Pair') e ON e.address = l.contract_address
                    WHERE l.topic0 = unhex('d78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822')
                ), k(address, namespace, name, factory) AS (
                    SELECT contract_address, lower(symbol), replace(name, ' ', ''), false FROM tokens.erc20 WHERE blockchain = '{{c.Name}}'
                    UNION ALL SELECT address, namespace, 'Pair', true FROM p
                )
                SELECT namespace || '_' || name || '_' || lower(hex(address)) AS abi_id,
                       '[{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"}]' AS abi,
                       address,
                       demo_wallet(hash(namespace, '{{c.Name}}') % 50) AS "from",
                       unhex('608060405234801561001057600080fd5b50') || demo_hash(hash(address, '{{c.Name}}'), 961) AS code,
                       name,
                       namespace,
                       false AS dynamic,
                       NOT factory AS base,
                       factory,
                       CASE WHEN factory THEN 'factory' ELSE 'base' END AS detection_source,
                       (SELECT min(time) FROM {{c.Name}}.blocks) AS created_at
                FROM k
                ORDER BY namespace, name, address
                """;
        }
    }
}
