namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>contracts.contract_mapping</c> (and Ethereum's <c>contracts_ethereum.contract_mapping</c>): spellbook's contract
/// mapping (daily_spellbook's <c>contracts_contract_mapping</c> macro over <c>contracts_base_starting_level</c> and
/// <c>contracts_base_iterated_creators</c>), derived from the demo's <c>ethereum.creation_traces</c> and
/// <c>ethereum.transactions</c> as spellbook derives it. The demo's other chains have no creation traces, so the union of the
/// chains' models is Ethereum's.
/// <list type="bullet">
/// <item>One row per created contract (its last creation): the creation trace's creator, the transaction's sender, recipient,
/// method id (the first four bytes of its data) and index, the code and its length, the month.</item>
/// <item>Creators iterated as spellbook does, up to five levels: when a contract's creator is itself a contract created in
/// the data (a factory), <c>creator_address</c> is the top factory's creator and <c>top_level_*</c> its creation;
/// <c>trace_deployer_address</c> stays the trace's creator. The demo's creations are wallets' transactions, so each is its
/// own top level.</item>
/// <item><c>code_deploy_rank_by_chain</c>: the creation's rank among those of the same code (block, then index);
/// <c>is_self_destruct</c>: a <c>suicide</c> trace of the contract after its creation; <c>is_eoa_deployed</c>: the trace's
/// creator is the transaction's sender (1/0).</item>
/// <item>Names: <c>contract_project</c> and <c>contract_name</c> from <c>ethereum.contracts</c> (namespace and name; the
/// project with '_' as ' ' and each word capitalised, as spellbook's initcap), <c>token_symbol</c>/<c>token_standard</c> from
/// tokens_ethereum.erc20 (erc20) and tokens.nft (its name and standard).</item>
/// <item>Spellbook's curated lists are not in the demo (the creator-address project list, the overrides, the name mappings,
/// the deterministic deployers, <c>evms.evm_smart_account_method_ids</c>): no demo creator or method is on them, so
/// <c>is_smart_wallet_deployed</c> and <c>is_deterministic_deployer_deployed</c> are 0, as they are for such creations on
/// Dune.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] ContractMappingTables = ["contracts.contract_mapping", "contracts_ethereum.contract_mapping"];

    /// <summary>spellbook's initcap of a project name: '_' as ' ', each word's first letter upper case, the rest lower.</summary>
    private static string InitCap(string column) =>
        $"array_to_string(list_transform(string_split(lower(replace({column}, '_', ' ')), ' '), w -> upper(left(w, 1)) || substr(w, 2)), ' ')";

    private static IEnumerable<string> ContractMappingScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS contracts; CREATE SCHEMA IF NOT EXISTS contracts_ethereum;";
        yield return $$"""
            CREATE OR REPLACE TABLE contracts.contract_mapping AS
            WITH RECURSIVE created AS (
                SELECT ct."from" AS trace_creator_address, ct.address AS contract_address, ct.block_time AS created_time,
                       ct.block_number AS created_block_number, ct.tx_hash AS created_tx_hash, t."from" AS created_tx_from,
                       t."to" AS created_tx_to, unhex(left(hex(t.data), 8)) AS created_tx_method_id, t."index" AS created_tx_index,
                       ct.code, octet_length(ct.code)::BIGINT AS code_bytelength,
                       row_number() OVER (PARTITION BY ct.address ORDER BY ct.block_number DESC, t."index" DESC) AS reinitialize_rank
                FROM ethereum.transactions t
                JOIN ethereum.creation_traces ct ON t.hash = ct.tx_hash AND t.block_number = ct.block_number AND t.block_time = ct.block_time
            ), base AS (
                SELECT * EXCLUDE (reinitialize_rank),
                       row_number() OVER (PARTITION BY code ORDER BY created_block_number, created_tx_index) AS code_deploy_rank_by_chain
                FROM created WHERE reinitialize_rank = 1
            ), up(contract_address, ancestor, depth) AS (
                -- each contract's chain of creators that are contracts created here, five levels at most
                SELECT contract_address, contract_address, 0 FROM base
                UNION ALL
                SELECT up.contract_address, p.contract_address, up.depth + 1
                FROM up JOIN base c ON c.contract_address = up.ancestor JOIN base p ON p.contract_address = c.trace_creator_address
                WHERE up.depth < 5
            ), lineage AS (
                SELECT contract_address, arg_max(ancestor, depth) AS top FROM up GROUP BY contract_address
            ), tokens AS (
                SELECT contract_address, min(symbol) AS symbol, min(token_standard) AS token_standard
                FROM (SELECT contract_address, symbol, 'erc20' AS token_standard FROM tokens_ethereum.erc20
                      UNION ALL
                      SELECT contract_address, name, standard FROM tokens.nft WHERE blockchain = 'ethereum')
                GROUP BY contract_address
            ), named AS (
                SELECT address, min(namespace) AS namespace, min(name) AS name FROM ethereum.contracts GROUP BY address
            )
            SELECT CAST(date_trunc('month', timezone('UTC', b.created_time)) AS DATE) AS created_month, 'ethereum' AS blockchain, b.trace_creator_address,
                   b.contract_address, {{InitCap("oc.namespace")}} AS contract_project, tk.symbol AS token_symbol, oc.name AS contract_name,
                   top.trace_creator_address AS creator_address, b.trace_creator_address AS trace_deployer_address, b.created_time,
                   EXISTS (SELECT 1 FROM ethereum.traces s WHERE s.type = 'suicide' AND s.address = b.contract_address
                           AND s.block_number >= b.created_block_number) AS is_self_destruct,
                   b.created_tx_hash, b.created_block_number, b.created_tx_from, b.created_tx_to, b.created_tx_method_id, b.created_tx_index,
                   top.contract_address AS top_level_contract_address, top.created_time AS top_level_time, top.created_tx_hash AS top_level_tx_hash,
                   top.created_block_number AS top_level_block_number, top.created_tx_from AS top_level_tx_from, top.created_tx_to AS top_level_tx_to,
                   top.created_tx_method_id AS top_level_tx_method_id,
                   b.code_bytelength, tk.token_standard, b.code, b.code_deploy_rank_by_chain,
                   CASE WHEN b.trace_creator_address = b.created_tx_from THEN 1 ELSE 0 END AS is_eoa_deployed,
                   0 AS is_smart_wallet_deployed,
                   0 AS is_deterministic_deployer_deployed
            FROM base b
            JOIN lineage l ON l.contract_address = b.contract_address
            JOIN base top ON top.contract_address = l.top
            LEFT JOIN named oc ON oc.address = b.contract_address
            LEFT JOIN tokens tk ON tk.contract_address = b.contract_address
            ORDER BY b.created_block_number, b.created_tx_index
            """;
        yield return "CREATE OR REPLACE VIEW contracts_ethereum.contract_mapping AS SELECT * FROM contracts.contract_mapping;";
    }
}
