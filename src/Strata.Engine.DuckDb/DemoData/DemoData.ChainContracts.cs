namespace Strata.Engine.DuckDb;

/// <summary>
/// The other EVM chains' <c>erc20_&lt;chain&gt;.evt_Approval</c> and <c>&lt;chain&gt;.contracts</c>.
/// <list type="bullet">
/// <item><c>erc20_&lt;chain&gt;.evt_Approval</c> (Tron's too): the Approval events of the Ethereum transactions the chain replays
/// (DemoData.Chains.cs), with the chain's transaction, block, log index and token address, as its <c>evt_Transfer</c>; so
/// they are the decoded <c>Approval</c> logs of <c>&lt;chain&gt;.logs</c>.</item>
/// <item><c>&lt;chain&gt;.contracts</c>: Dune's decoded-contract table (ethereum.contracts' columns, spellbook's
/// <c>&lt;chain&gt;_base_sources.yml</c>): the rows of <c>ethereum.contracts</c> the chain has, its tokens at their address there
/// and the routers and pairs its transactions and logs name.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> ChainContractTables =>
        ReplayedChains.Select(c => $"erc20_{c.Name}.evt_Approval").Concat(OtherChains.Select(c => $"{c.Name}.contracts"));

    /// <summary>A chain's decoded approvals; runs in OneChainScript while <c>demo_chain_tx</c> holds the chain's sample: Ethereum's
    /// Approval rows of the replayed transactions, at their logs on the chain.</summary>
    private static string ChainApprovals(string name) => $"""
        CREATE OR REPLACE TABLE erc20_{name}."evt_Approval" AS
        SELECT l.contract_address, {EventColumns}, e.owner, e.spender, e.value
        FROM erc20_ethereum."evt_Approval" e
        JOIN demo_chain_tx t ON t.hash = e.evt_tx_hash AND t.block_number = e.evt_block_number
        JOIN {name}.logs l ON l.block_number = t.number AND l.tx_hash = t.chain_hash AND l."index" = t.chain_log_first + e.evt_index - t.log_first
        ORDER BY evt_block_number, evt_index
        """;

    private static IEnumerable<string> ChainContractScript()
    {
        foreach (var c in OtherChains)
        {
            // Ethereum's decoded contracts that the chain has: its tokens at their address there, and the contracts its transactions
            // call or its logs name at theirs (the replayed routers and pairs keep their address); deployed by a wallet of the chain's.
            yield return $$"""
                CREATE OR REPLACE TABLE {{c.Name}}.contracts AS
                WITH here AS (
                    SELECT contract_address AS address FROM {{c.Name}}.logs UNION SELECT "to" FROM {{c.Name}}.transactions
                )
                SELECT e.* REPLACE (e.namespace || '_' || e.name || '_' || lower(hex(coalesce(m.address, e.address))) AS abi_id,
                                    coalesce(m.address, e.address) AS address,
                                    demo_wallet(hash(e.namespace, '{{c.Name}}') % 50) AS "from",
                                    unhex(substr(hex(e.code), 1, 36)) || demo_hash(hash(e.address, '{{c.Name}}'), 961) AS code,
                                    (SELECT min(time) FROM {{c.Name}}.blocks) AS created_at)
                FROM ethereum.contracts e
                LEFT JOIN demo_chain_tokens m ON m.chain = '{{c.Name}}' AND m.eth_address = e.address
                WHERE m.address IS NOT NULL OR (e.namespace IN ('uniswap_v2', 'sushi', 'oneinch', 'zeroex') AND e.address IN (SELECT address FROM here))
                ORDER BY namespace, name, address
                """;
        }
    }
}
