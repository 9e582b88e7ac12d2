namespace Strata.Engine.DuckDb;

/// <summary>
/// Solana's account balances, <c>solana.account_activity</c> and <c>solana.instruction_calls</c>: the per-account and
/// per-instruction views of <c>solana.transactions</c>, generated from the same transactions.
/// </summary>
/// <remarks>
/// Balances are running balances: every account starts from a balance of its own (a wallet's covers everything it
/// ever pays out, so no balance goes negative) and each transaction's pre balance is the post balance of the account's
/// previous transaction. Lamports move for the fee payer (the fee, and a SOL transfer's amount) and a SOL transfer's
/// recipient; token accounts (the wallets' associated token accounts and the pools' vaults) move by the transfers'
/// raw amounts, so per transaction the lamport changes sum to minus the fee and each mint's token changes to zero.
/// Other accounts (pools, pool authorities) hold 2,039,280 lamports (the rent-exempt minimum of a token account),
/// programs 1,141,440.
/// Columns: account_activity has those of spellbook's <c>sources/_base_sources/other/solana_base_sources.yml</c>, with
/// <c>writable</c> as spellbook's models spell it (the yml's list writes <c>writeable</c>) and the
/// <c>address_prefix</c> they filter on; instruction_calls has the yml's columns (types from Dune's former docs page)
/// and the <c>executing_account_prefix</c> spellbook's models filter on. Indexes: outer instructions from 1, inner
/// instructions from 1 within their outer one (NULL on an outer instruction's row), as Dune's rows show.
/// </remarks>
public static partial class DemoData
{
    /// <summary>Lamports of a token account, a pool or a pool authority: the rent-exempt minimum of a token account.</summary>
    private const long SolanaAccountLamports = 2_039_280;

    /// <summary>Lamports of a program account.</summary>
    private const long SolanaProgramLamports = 1_141_440;

    /// <summary>
    /// demo_sol_keyed: each transaction with its accounts (in the order of account_keys); demo_sol_acct: one row per
    /// (transaction, account key) with its lamport and token changes and running balances; demo_sol_bal: the
    /// transaction's balance arrays built from them.
    /// </summary>
    private static IEnumerable<string> SolanaBalanceScript()
    {
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_sol_keyed AS
            WITH t AS (
                SELECT m.*,
                       demo_sol_ata(signer_id, sold_mint) AS src_ata,
                       CASE kind WHEN 'spl' THEN demo_sol_ata(recipient_id, sold_mint) ELSE demo_sol_ata(signer_id, bought_mint) END AS dst_ata,
                       CASE WHEN sold_mint = 0 THEN vault_sol ELSE vault_other END AS sold_vault,
                       CASE WHEN bought_mint = 0 THEN vault_sol ELSE vault_other END AS bought_vault,
                       CASE kind WHEN 'swap' THEN CASE WHEN via_jupiter THEN 4 ELSE 3 END ELSE 2 END AS programs
                FROM demo_sol_moves m
            )
            SELECT t.*,
                   CASE kind WHEN 'sol' THEN [signer, recipient, '{{SolanaComputeBudgetProgram}}', '{{SolanaSystemProgram}}']
                             WHEN 'spl' THEN [signer, src_ata, dst_ata, '{{SolanaComputeBudgetProgram}}', '{{SolanaTokenProgram}}']
                             ELSE [signer, src_ata, dst_ata, pool, sold_vault, bought_vault, pool_authority, '{{SolanaComputeBudgetProgram}}',
                                   '{{SolanaTokenProgram}}', amm]
                                  || CASE WHEN via_jupiter THEN ['{{JupiterV6Program}}'] ELSE []::VARCHAR[] END END AS keys
            FROM t
            """;

        // A key's role: 'wallet' (lamports move), 'account' (fixed lamports; a token account when mint is set),
        // 'program'. lamports / tokens: the change in this transaction (raw units; none when it failed but the fee).
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_sol_key(role, lamports, mint, owner, tokens) AS
                struct_pack(role := role::VARCHAR, lamports := lamports::HUGEINT, mint := mint::INTEGER, owner := owner::VARCHAR, tokens := tokens::HUGEINT);
            CREATE OR REPLACE TEMP TABLE demo_sol_acct AS
            WITH k AS (
                SELECT i, slot, time, tx_index, id, success, kind, programs, keys,
                       unnest(CASE kind
                           WHEN 'sol' THEN [demo_sol_key('wallet', -fee::HUGEINT - CASE WHEN success THEN sold_raw ELSE 0 END, NULL, NULL, 0),
                                            demo_sol_key('wallet', CASE WHEN success THEN sold_raw ELSE 0 END, NULL, NULL, 0)]
                           WHEN 'spl' THEN [demo_sol_key('wallet', -fee, NULL, NULL, 0),
                                            demo_sol_key('account', 0, sold_mint, signer, CASE WHEN success THEN -sold_raw::HUGEINT ELSE 0 END),
                                            demo_sol_key('account', 0, sold_mint, recipient, CASE WHEN success THEN sold_raw ELSE 0 END)]
                           ELSE [demo_sol_key('wallet', -fee, NULL, NULL, 0),
                                 demo_sol_key('account', 0, sold_mint, signer, CASE WHEN success THEN -sold_raw::HUGEINT ELSE 0 END),
                                 demo_sol_key('account', 0, bought_mint, signer, CASE WHEN success THEN bought_raw ELSE 0 END),
                                 demo_sol_key('account', 0, NULL, NULL, 0),
                                 demo_sol_key('account', 0, sold_mint, pool_authority, CASE WHEN success THEN sold_raw ELSE 0 END),
                                 demo_sol_key('account', 0, bought_mint, pool_authority, CASE WHEN success THEN -bought_raw::HUGEINT ELSE 0 END),
                                 demo_sol_key('account', 0, NULL, NULL, 0)] END
                           || list_transform(range(programs), lambda q: demo_sol_key('program', 0, NULL, NULL, 0))) AS a,
                       unnest(list_transform(keys, lambda x, j: {'j': j - 1, 'address': x})) AS p
                FROM demo_sol_keyed
            ), r AS (
                SELECT i, slot, time, tx_index, id, success, programs, len(keys) AS n, p.j AS j, p.address AS address,
                       a.role AS role, a.lamports AS lamports, a.mint AS mint_id, a.owner AS owner, a.tokens AS tokens
                FROM k
            )
            SELECT r.*, s.mint AS mint_address, s.decimals AS decimals,
                   CASE role WHEN 'program' THEN {{SolanaProgramLamports}}::HUGEINT WHEN 'account' THEN {{SolanaAccountLamports}}::HUGEINT
                             ELSE 10000000 + demo_int(address, 992, 100000000000) - sum(least(lamports, 0)) OVER (PARTITION BY address) END
                       + coalesce(sum(lamports) OVER (PARTITION BY address ORDER BY slot, tx_index ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS pre_lamports,
                   CASE WHEN mint_id IS NOT NULL THEN
                       demo_int(address, 993, 100000)::HUGEINT * demo_pow10(s.decimals) - sum(least(tokens, 0)) OVER (PARTITION BY address)
                       + coalesce(sum(tokens) OVER (PARTITION BY address ORDER BY slot, tx_index ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) END AS pre_tokens
            FROM r LEFT JOIN demo_sol_mints s ON s.id = r.mint_id
            """;

        yield return """
            CREATE OR REPLACE TEMP TABLE demo_sol_bal AS
            SELECT i,
                   list(pre_lamports::BIGINT ORDER BY j) AS pre_balances,
                   list((pre_lamports + lamports)::BIGINT ORDER BY j) AS post_balances,
                   coalesce(list({'account': address, 'mint': mint_address, 'owner': owner, 'amount': pre_tokens / pow(10, decimals)} ORDER BY j)
                                FILTER (WHERE mint_id IS NOT NULL), []) AS pre_token_balances,
                   coalesce(list({'account': address, 'mint': mint_address, 'owner': owner, 'amount': (pre_tokens + tokens) / pow(10, decimals)} ORDER BY j)
                                FILTER (WHERE mint_id IS NOT NULL), []) AS post_token_balances
            FROM demo_sol_acct
            GROUP BY i
            """;
    }

    /// <summary>solana.account_activity and solana.instruction_calls, after solana.transactions.</summary>
    private static IEnumerable<string> SolanaActivityScript()
    {
        yield return """
            CREATE OR REPLACE TABLE solana.account_activity AS
            SELECT slot AS block_slot,
                   demo_sol_block_hash(slot) AS block_hash,
                   demo_tz(time) AS block_time,
                   CAST(time AS DATE) AS block_date,
                   address,
                   tx_index::INTEGER AS tx_index,
                   id AS tx_id,
                   success AS tx_success,
                   j = 0 AS signed,
                   j < n - programs AS writable,
                   pre_lamports::BIGINT AS pre_balance,
                   pre_tokens / pow(10, decimals) AS pre_token_balance,
                   (pre_lamports + lamports)::BIGINT AS post_balance,
                   (pre_tokens + tokens) / pow(10, decimals) AS post_token_balance,
                   lamports::BIGINT AS balance_change,
                   CASE WHEN mint_id IS NOT NULL THEN tokens / pow(10, decimals) END AS token_balance_change,
                   owner AS token_balance_owner,
                   mint_address AS token_mint_address,
                   substr(address, 1, 2) AS address_prefix
            FROM demo_sol_acct
            ORDER BY block_slot, tx_index, j
            """;

        // Every outer instruction (index: its place in the instructions from 0; outer_instruction_index from 1), then
        // each of its inner instructions (inner_instruction_index from 1); all of a transaction's rows carry its logs.
        yield return """
            CREATE OR REPLACE TABLE solana.instruction_calls AS
            WITH o AS (
                SELECT block_slot, block_hash, block_time, block_date, "index" AS tx_index, id, success, signer, log_messages, instructions,
                       unnest(range(len(instructions)))::INTEGER + 1 AS outer_index
                FROM solana.transactions
            ), oi AS (
                SELECT o.* EXCLUDE (instructions), instructions[outer_index] AS ins FROM o
            ), c AS (
                SELECT oi.*, NULL::INTEGER AS inner_index, NULL::VARCHAR AS inner_account, ins.executing_account AS account,
                       ins.data AS data, ins.account_arguments AS account_arguments, ins.inner_instructions AS inner_instructions
                FROM oi
                UNION ALL
                SELECT w.* EXCLUDE (inner_index), w.inner_index, w.ins.inner_instructions[w.inner_index].executing_account,
                       w.ins.inner_instructions[w.inner_index].executing_account, w.ins.inner_instructions[w.inner_index].data,
                       w.ins.inner_instructions[w.inner_index].account_arguments,
                       []::STRUCT(account_arguments VARCHAR[], data BLOB, executing_account VARCHAR)[]
                FROM (SELECT oi.*, unnest(range(len(ins.inner_instructions)))::INTEGER + 1 AS inner_index FROM oi) w
            )
            SELECT block_slot, block_hash, block_time, block_date,
                   outer_index - 1 AS "index",
                   tx_index,
                   outer_index AS outer_instruction_index,
                   inner_index AS inner_instruction_index,
                   ins.executing_account AS outer_executing_account,
                   inner_account AS inner_executing_account,
                   account AS executing_account,
                   data,
                   inner_index IS NOT NULL AS is_inner,
                   account_arguments,
                   inner_instructions,
                   signer AS tx_signer,
                   id AS tx_id,
                   success AS tx_success,
                   log_messages,
                   substr(account, 1, 2) AS executing_account_prefix
            FROM c
            ORDER BY block_slot, tx_index, outer_instruction_index, coalesce(inner_instruction_index, 0)
            """;
    }
}
