namespace Strata.Engine.DuckDb;

/// <summary>
/// Solana: <c>solana.transactions</c>, <c>tokens_solana.fungible</c>, <c>tokens_solana.transfers</c> and
/// <c>dex_solana.trades</c>, one demo chain of their own over the same 30 days (account_activity and instruction_calls:
/// DemoData.SolanaAccounts.cs).
/// </summary>
/// <remarks>
/// Columns: solana.transactions has the columns of spellbook's <c>sources/_base_sources/other/solana_base_sources.yml</c>
/// (plus <c>signer</c>, the fee payer, which Dune's queries read); tokens_solana.fungible the old spellbook model's (with
/// the name and token_uri Dune's docs read), tokens_solana.transfers those of
/// <c>sources/_subprojects_outputs/sqlmesh/_sources.yml</c> joined with the last spellbook model's
/// (tokens_solana_transfers.sql: block_month, block_hour, amount_display, amount_usd, price_usd, symbol, which Dune's
/// docs example reads); dex_solana.trades those of spellbook's <c>dex_solana_trades.sql</c>, with its AMM macro's
/// conventions (trade_source 'direct' or the outer program, project_program_id the pool, project_main_id the program,
/// the swap's token transfers at inner instruction indexes + 1 and + 2; an outer instruction's own index is 0;
/// instructions count from 1, the compute budget's first).
/// Every trade's two legs are rows of tokens_solana.transfers and instructions of its transaction; every transfer
/// belongs to a successful transaction. Mints and programs are real (wSOL, USDC, USDT, JUP, BONK, RAY, WIF, JTO;
/// System, Token, Compute Budget, Jupiter v6, Raydium AMM v4, Orca Whirlpool); wallets, token accounts, pools,
/// signatures and block hashes are synthetic base58 text. Slot numbers follow 400 ms slots from an estimate.
/// </remarks>
public static partial class DemoData
{
    /// <summary>A Solana mint: id, base58 address, symbol, name, decimals, a typical USD price, stable.</summary>
    public sealed record SolanaMint(int Id, string Address, string Symbol, string Name, int Decimals, double Price, bool Stable);

    /// <summary>The mints the demo moves (real mainnet addresses). Id 0 is wrapped SOL, the native token's mint.</summary>
    public static IReadOnlyList<SolanaMint> SolanaMints { get; } =
    [
        new(0, "So11111111111111111111111111111111111111112", "SOL", "Wrapped SOL", 9, 150, false),
        new(1, "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "USDC", "USD Coin", 6, 1, true),
        new(2, "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", "USDT", "USDT", 6, 1, true),
        new(3, "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", "JUP", "Jupiter", 6, 0.8, false),
        new(4, "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "Bonk", "Bonk", 5, 0.00002, false),
        new(5, "4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R", "RAY", "Raydium", 6, 3, false),
        new(6, "EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm", "$WIF", "dogwifhat", 6, 1.5, false),
        new(7, "jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2KPB2mC", "JTO", "JITO", 9, 2.5, false),
    ];

    /// <summary>Solana's System program (SOL transfers).</summary>
    public const string SolanaSystemProgram = "11111111111111111111111111111111";
    /// <summary>Solana's SPL Token program.</summary>
    public const string SolanaTokenProgram = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    /// <summary>Solana's Compute Budget program (every demo transaction's instruction 0).</summary>
    public const string SolanaComputeBudgetProgram = "ComputeBudget111111111111111111111111111111";
    /// <summary>Jupiter's v6 aggregator program.</summary>
    public const string JupiterV6Program = "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4";
    /// <summary>Raydium's AMM v4 program.</summary>
    public const string RaydiumAmmV4Program = "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8";
    /// <summary>Orca's Whirlpool program.</summary>
    public const string OrcaWhirlpoolProgram = "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc";

    /// <summary>Mainnet's slot at the reference time (Fusaka's block time): an estimate, 400 ms a slot since.</summary>
    private const long SolanaReferenceSlot = 382_000_000;

    /// <summary>Solana transactions per Ethereum transaction of the demo.</summary>
    private const int SolanaPerMille = 50;

    private static IEnumerable<string> SolanaScript(Sizes size)
    {
        long n = Math.Max(200, size.Transactions * SolanaPerMille / 1000);
        long wallets = Math.Max(50, n / 4);
        long firstSlot = SolanaReferenceSlot + (long)Math.Floor((size.Start - ReferenceTime.UtcDateTime).TotalSeconds * 2.5);
        long slots = (long)Math.Floor((size.End - size.Start).TotalSeconds * 2.5) + 1;
        string mints = string.Join(", ", SolanaMints.Select(m =>
            $"({m.Id}, '{m.Address}', '{m.Symbol}', '{m.Name}', {m.Decimals}, {m.Price.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}::DOUBLE, {(m.Stable ? "true" : "false")})"));
        string start = Sql(size.Start);

        // demo_b58: n (up to 96) base58 characters from the hashes of (a, s): their hex digits mapped to 16 base58
        // characters; demo_le64: an unsigned 64-bit integer's 8 little-endian bytes.
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_b58(a, s, n) AS substr(translate(
                lpad(hex(hash(a, s, 0)), 16, '0') || lpad(hex(hash(a, s, 1)), 16, '0') || lpad(hex(hash(a, s, 2)), 16, '0')
                || CASE WHEN n > 48 THEN lpad(hex(hash(a, s, 3)), 16, '0') || lpad(hex(hash(a, s, 4)), 16, '0') || lpad(hex(hash(a, s, 5)), 16, '0') ELSE '' END,
                '0123456789ABCDEF', 'Hx3vQ9kLmP2qRtVw'), 1, n);
            CREATE OR REPLACE TEMP MACRO demo_le64(x) AS unhex(array_to_string(list_transform(range(8),
                lambda k: substr(lpad(hex(x::UBIGINT), 16, '0'), 15 - 2 * k, 2)), ''));
            CREATE OR REPLACE TEMP MACRO demo_sol_wallet(w) AS demo_b58(w, 970, 44);
            CREATE OR REPLACE TEMP MACRO demo_sol_ata(w, m) AS demo_b58(w * 16 + m, 982, 44);
            CREATE OR REPLACE TEMP MACRO demo_sol_block_hash(slot) AS demo_b58(slot, 985, 44);
            CREATE OR REPLACE TEMP TABLE demo_sol_mints AS
            SELECT * FROM (VALUES {{mints}}) m(id, mint, symbol, name, decimals, price, stable)
            """;

        // The transactions and what each one does. kind: 'sol' (a System transfer), 'spl' (a Token transfer), 'swap'
        // (one pool of Raydium AMM v4 or Orca Whirlpool, through Jupiter v6 three times in five); 3% fail.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_sol_tx AS
            WITH t AS (
                SELECT i,
                       {{Sql(firstSlot)}} + least({{Sql(slots - 1)}}, floor(demo_u(i, 971) * {{Sql(slots)}})::BIGINT) AS slot,
                       CASE WHEN demo_int(i, 972, 100) < 30 THEN 'sol' WHEN demo_int(i, 972, 100) < 65 THEN 'spl' ELSE 'swap' END AS kind,
                       demo_pick(i, 973, {{Sql(wallets)}}, 2.0) AS signer_id,
                       demo_pick(i, 974, {{Sql(wallets)}}, 1.5) AS to_id,
                       1 + demo_pick(i, 975, 7, 2.0) AS other_mint,
                       demo_int(i, 977, 2) = 0 AS sells_sol,
                       demo_int(i, 979, 5) < 3 AS via_jupiter,
                       demo_int(i, 979, 2) AS project_id,
                       demo_int(i, 990, 100) >= 3 AS success,
                       pow(10, 1 + 4 * demo_u(i, 978)) AS usd,
                       5000 + 10 * demo_int(i, 983, 20000) AS fee
                FROM range({{Sql(n)}}) r(i)
            )
            SELECT t.*,
                   {{start}} + to_microseconds(((slot - {{Sql(firstSlot)}}) * 400000)::BIGINT) AS time_exact,
                   row_number() OVER (PARTITION BY slot ORDER BY i) - 1 AS tx_index,
                   CASE WHEN to_id = signer_id THEN (to_id + 1) % {{Sql(wallets)}} ELSE to_id END AS recipient_id,
                   CASE kind WHEN 'sol' THEN 0 WHEN 'spl' THEN other_mint ELSE CASE WHEN sells_sol THEN 0 ELSE other_mint END END AS sold_mint,
                   CASE kind WHEN 'sol' THEN 0 WHEN 'spl' THEN other_mint ELSE CASE WHEN sells_sol THEN other_mint ELSE 0 END END AS bought_mint
            FROM t
            """;

        // The token movements of the successful transactions, priced at their minute, then the transactions' rows.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_sol_moves AS
            WITH t AS (
                SELECT x.*, date_trunc('second', time_exact) AS time, epoch(date_trunc('minute', time_exact)) AS e,
                       demo_sol_wallet(signer_id) AS signer, demo_sol_wallet(recipient_id) AS recipient,
                       demo_b58(i, 984, 88) AS id,
                       demo_b58(project_id * 100 + other_mint, 980, 44) AS pool,
                       demo_b58(project_id, 987, 44) AS pool_authority,
                       CASE project_id WHEN 0 THEN '{{RaydiumAmmV4Program}}' ELSE '{{OrcaWhirlpoolProgram}}' END AS amm
                FROM demo_sol_tx x
            ), p AS (
                SELECT t.*, s.decimals AS sold_decimals, s.symbol AS sold_symbol, s.mint AS sold_address,
                       demo_price_at(500 + s.id, s.price, s.stable, e) AS sold_price,
                       b.decimals AS bought_decimals, b.symbol AS bought_symbol, b.mint AS bought_address,
                       demo_price_at(500 + b.id, b.price, b.stable, e) AS bought_price
                FROM t JOIN demo_sol_mints s ON s.id = t.sold_mint JOIN demo_sol_mints b ON b.id = t.bought_mint
            )
            SELECT p.*,
                   greatest(1, round(usd / sold_price * pow(10, sold_decimals)))::UBIGINT AS sold_raw,
                   greatest(1, round(usd * (1 - 0.0025) / bought_price * pow(10, bought_decimals)))::UBIGINT AS bought_raw,
                   demo_b58(project_id * 200 + other_mint * 2, 981, 44) AS vault_other,
                   demo_b58(project_id * 200 + other_mint * 2 + 1, 981, 44) AS vault_sol
            FROM p
            """;

        yield return """
            CREATE SCHEMA IF NOT EXISTS solana;
            CREATE SCHEMA IF NOT EXISTS tokens_solana;
            CREATE SCHEMA IF NOT EXISTS dex_solana;
            CREATE OR REPLACE TABLE tokens_solana.fungible AS
            SELECT mint AS token_mint_address, decimals::INTEGER AS decimals, name, symbol,
                   'https://demo.invalid/solana/' || symbol || '.json' AS token_uri,
                   demo_tz(TIMESTAMP '2021-01-01 00:00:00' + to_days(id * 30)) AS created_at,
                   CASE WHEN id = 0 THEN NULL ELSE 'metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s' END AS metadata_program,
                   'spl_token' AS token_version,
                   demo_b58(id, 991, 88) AS init_tx
            FROM demo_sol_mints ORDER BY id
            """;

        // A transfer's (outer, inner) instruction, both counted from 1 as on Dune: a lone transfer is outer instruction 2
        // (after the compute budget's 1), inner 0 (spellbook's coalesce of none); a swap through Jupiter is Jupiter's outer
        // instruction 2 whose inner 1 is the pool's swap and inner 2 and 3 its transfers; a direct swap is the pool's outer
        // instruction 2 with the transfers at inner 1 and 2.
        yield return $$"""
            CREATE OR REPLACE TABLE tokens_solana.transfers AS
            WITH legs AS (
                SELECT m.*, 1 AS leg, sold_mint AS mint_id, sold_raw AS raw, sold_decimals AS decimals, sold_symbol AS symbol,
                       sold_address AS mint_address, sold_price AS price, signer AS from_owner,
                       CASE kind WHEN 'swap' THEN pool_authority ELSE recipient END AS to_owner,
                       CASE WHEN kind = 'sol' THEN signer ELSE demo_sol_ata(signer_id, sold_mint) END AS from_account,
                       CASE kind WHEN 'sol' THEN recipient WHEN 'spl' THEN demo_sol_ata(recipient_id, sold_mint)
                                 ELSE CASE WHEN sold_mint = 0 THEN vault_sol ELSE vault_other END END AS to_account,
                       CASE WHEN kind <> 'swap' THEN 0 WHEN via_jupiter THEN 2 ELSE 1 END AS inner_index
                FROM demo_sol_moves m WHERE success
                UNION ALL
                SELECT m.*, 2, bought_mint, bought_raw, bought_decimals, bought_symbol, bought_address, bought_price,
                       pool_authority, signer,
                       CASE WHEN bought_mint = 0 THEN vault_sol ELSE vault_other END,
                       demo_sol_ata(signer_id, bought_mint),
                       CASE WHEN via_jupiter THEN 3 ELSE 2 END
                FROM demo_sol_moves m WHERE success AND kind = 'swap'
            )
            SELECT CAST(date_trunc('month', time) AS DATE) AS block_month,
                   CAST(time AS DATE) AS block_date,
                   demo_tz(date_trunc('hour', time)) AS block_hour,
                   demo_tz(time) AS block_time,
                   slot AS block_slot,
                   'transfer' AS action,
                   raw::{{Uint256Type}} AS amount,
                   NULL::DOUBLE AS fee,
                   raw / pow(10, decimals) AS amount_display,
                   raw / pow(10, decimals) * price AS amount_usd,
                   price AS price_usd,
                   mint_address AS token_mint_address,
                   symbol,
                   from_owner, to_owner,
                   from_account AS from_token_account,
                   to_account AS to_token_account,
                   CASE WHEN kind = 'sol' THEN 'native' ELSE 'spl_token' END AS token_version,
                   signer AS tx_signer,
                   id AS tx_id,
                   tx_index::INTEGER AS tx_index,
                   2 AS outer_instruction_index,
                   inner_index::INTEGER AS inner_instruction_index,
                   CASE kind WHEN 'sol' THEN '{{SolanaSystemProgram}}' WHEN 'spl' THEN '{{SolanaTokenProgram}}'
                             ELSE CASE WHEN via_jupiter THEN '{{JupiterV6Program}}' ELSE amm END END AS outer_executing_account
            FROM legs
            ORDER BY block_slot, tx_index, inner_instruction_index
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE dex_solana.trades AS
            SELECT 'solana' AS blockchain,
                   CASE project_id WHEN 0 THEN 'raydium' ELSE 'whirlpool' END AS project,
                   CASE project_id WHEN 0 THEN 4 ELSE 1 END AS version,
                   CASE project_id WHEN 0 THEN 'amm' END AS version_name,
                   CAST(date_trunc('month', time) AS DATE) AS block_month,
                   CAST(time AS DATE) AS block_date,
                   demo_tz(time) AS block_time,
                   slot AS block_slot,
                   CASE WHEN via_jupiter THEN '{{JupiterV6Program}}' ELSE 'direct' END AS trade_source,
                   bought_symbol AS token_bought_symbol,
                   sold_symbol AS token_sold_symbol,
                   CASE WHEN lower(bought_symbol) > lower(sold_symbol) THEN bought_symbol || '-' || sold_symbol
                        ELSE sold_symbol || '-' || bought_symbol END AS token_pair,
                   bought_raw / pow(10, bought_decimals) AS token_bought_amount,
                   sold_raw / pow(10, sold_decimals) AS token_sold_amount,
                   bought_raw::{{Uint256Type}} AS token_bought_amount_raw,
                   sold_raw::{{Uint256Type}} AS token_sold_amount_raw,
                   coalesce(CASE WHEN bought_mint IN (1, 2) THEN bought_raw / pow(10, bought_decimals) * bought_price END,
                            sold_raw / pow(10, sold_decimals) * sold_price) AS amount_usd,
                   CASE project_id WHEN 1 THEN 0.003::DOUBLE END AS fee_tier,
                   CASE project_id WHEN 1 THEN 0.003::DOUBLE END
                       * coalesce(CASE WHEN bought_mint IN (1, 2) THEN bought_raw / pow(10, bought_decimals) * bought_price END,
                                  sold_raw / pow(10, sold_decimals) * sold_price) AS fee_usd,
                   bought_address AS token_bought_mint_address,
                   sold_address AS token_sold_mint_address,
                   CASE WHEN bought_mint = 0 THEN vault_sol ELSE vault_other END AS token_bought_vault,
                   CASE WHEN sold_mint = 0 THEN vault_sol ELSE vault_other END AS token_sold_vault,
                   pool AS project_program_id,
                   amm AS project_main_id,
                   signer AS trader_id,
                   id AS tx_id,
                   2 AS outer_instruction_index,
                   CASE WHEN via_jupiter THEN 1 ELSE 0 END AS inner_instruction_index,
                   tx_index::INTEGER AS tx_index
            FROM demo_sol_moves
            WHERE success AND kind = 'swap'
            ORDER BY block_slot, tx_index
            """;

        foreach (string sql in SolanaBalanceScript())
        {
            yield return sql;
        }

        // The transactions: account keys (signer first, then writable accounts, then programs), instructions with their
        // inner instructions and ABI data (System transfer 2 and Token transfer 3 with little-endian u64 amounts), logs,
        // the running lamport and token balances of demo_sol_bal (the signer pays the fee and a SOL transfer's lamports).
        yield return $$"""
            CREATE OR REPLACE TABLE solana.transactions AS
            WITH k AS (
                SELECT t.*,
                       struct_pack(account_arguments := []::VARCHAR[], data := unhex('03') || demo_le64(1000 + demo_int(i, 996, 100000)),
                                   executing_account := '{{SolanaComputeBudgetProgram}}',
                                   inner_instructions := []::STRUCT(account_arguments VARCHAR[], data BLOB, executing_account VARCHAR)[]) AS budget,
                       {'account_arguments': [src_ata, sold_vault, signer], 'data': unhex('03') || demo_le64(sold_raw), 'executing_account': '{{SolanaTokenProgram}}'} AS leg_in,
                       {'account_arguments': [bought_vault, dst_ata, pool_authority], 'data': unhex('03') || demo_le64(bought_raw), 'executing_account': '{{SolanaTokenProgram}}'} AS leg_out,
                       {'account_arguments': [pool, pool_authority, sold_vault, bought_vault, src_ata, dst_ata, signer],
                        'data': unhex('09') || demo_le64(sold_raw) || demo_le64(bought_raw), 'executing_account': amm} AS pool_swap
                FROM demo_sol_keyed t
            ), x AS (
                SELECT k.*,
                       CASE kind
                           WHEN 'sol' THEN [budget, struct_pack(account_arguments := [signer, recipient], data := unhex('02000000') || demo_le64(sold_raw),
                                                                executing_account := '{{SolanaSystemProgram}}', inner_instructions := budget.inner_instructions)]
                           WHEN 'spl' THEN [budget, struct_pack(account_arguments := [src_ata, dst_ata, signer], data := unhex('03') || demo_le64(sold_raw),
                                                                executing_account := '{{SolanaTokenProgram}}', inner_instructions := budget.inner_instructions)]
                           ELSE [budget, CASE WHEN via_jupiter
                                    THEN struct_pack(account_arguments := [signer, src_ata, dst_ata, amm, pool], data := unhex('e517cb977ae3ad2a') || demo_le64(sold_raw),
                                                     executing_account := '{{JupiterV6Program}}', inner_instructions := [pool_swap, leg_in, leg_out])
                                    ELSE struct_pack(account_arguments := pool_swap.account_arguments, data := pool_swap.data,
                                                     executing_account := amm, inner_instructions := [leg_in, leg_out]) END] END AS instructions,
                       CASE kind WHEN 'sol' THEN '{{SolanaSystemProgram}}' WHEN 'spl' THEN '{{SolanaTokenProgram}}'
                                 ELSE CASE WHEN via_jupiter THEN '{{JupiterV6Program}}' ELSE amm END END AS program
                FROM k
            )
            SELECT slot AS block_slot,
                   CAST(time AS DATE) AS block_date,
                   demo_tz(time) AS block_time,
                   tx_index::INTEGER AS "index",
                   fee::BIGINT AS fee,
                   demo_sol_block_hash(slot) AS block_hash,
                   CASE WHEN NOT success THEN {'instruction_index': 1, 'message': 'custom program error: 0x1'} END
                       ::STRUCT(instruction_index INTEGER, message VARCHAR) AS error,
                   1 AS required_signatures,
                   0 AS readonly_signed_accounts,
                   CASE kind WHEN 'swap' THEN CASE WHEN via_jupiter THEN 4 ELSE 3 END ELSE 2 END AS readonly_unsigned_accounts,
                   id,
                   success,
                   demo_sol_block_hash(slot - 1 - demo_int(i, 986, 100)) AS recent_block_hash,
                   instructions,
                   keys AS account_keys,
                   ['Program {{SolanaComputeBudgetProgram}} invoke [1]', 'Program {{SolanaComputeBudgetProgram}} success',
                    'Program ' || program || ' invoke [1]',
                    'Program ' || program || CASE WHEN success THEN ' success' ELSE ' failed: custom program error: 0x1' END] AS log_messages,
                   b.pre_balances,
                   b.post_balances,
                   b.pre_token_balances::STRUCT(account VARCHAR, mint VARCHAR, owner VARCHAR, amount DOUBLE)[] AS pre_token_balances,
                   b.post_token_balances::STRUCT(account VARCHAR, mint VARCHAR, owner VARCHAR, amount DOUBLE)[] AS post_token_balances,
                   [id] AS signatures,
                   signer,
                   [signer] AS signers
            FROM x JOIN demo_sol_bal b USING (i)
            ORDER BY block_slot, "index"
            """;

        foreach (string sql in SolanaActivityScript())
        {
            yield return sql;
        }
    }
}
