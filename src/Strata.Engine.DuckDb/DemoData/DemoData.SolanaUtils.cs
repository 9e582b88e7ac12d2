namespace Strata.Engine.DuckDb;

/// <summary>
/// Spellbook's Solana balance utilities (<c>dbt_subprojects/solana/models/solana_utils</c>), derived from the demo's
/// <c>solana.account_activity</c> as spellbook derives them:
/// <list type="bullet">
/// <item><c>solana_utils.daily_balances</c>: per address and UTC day, the last balance (SOL in SOL, the token balance in
/// tokens, 0 when none) of the successful transactions that changed its SOL or token balance that day (the latest by slot,
/// then transaction index); <c>unique_address_key</c> dbt_utils' surrogate key of address, mint and day (the lower-case
/// hex MD5 of the three as varchar joined by '-', a NULL as '_dbt_utils_surrogate_key_null_'); <c>updated_at</c> the
/// generation time (spellbook's <c>now()</c> at its build).</item>
/// <item><c>solana_utils.token_accounts</c>: spellbook's view of Dune's token account state: every token account of
/// account_activity with its mint and owner, <c>account_type</c> 'spl_token' (the demo's mints are SPL Token ones; no
/// account is closed, so all are active).</item>
/// <item><c>solana_utils.latest_balances</c>: each address's row of its last day, its mint and owner completed from
/// token_accounts.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] SolanaUtilsTables =
        ["solana_utils.daily_balances", "solana_utils.token_accounts", "solana_utils.latest_balances"];

    private static IEnumerable<string> SolanaUtilsScript(Sizes size)
    {
        yield return "CREATE SCHEMA IF NOT EXISTS solana_utils;";
        yield return $"""
            CREATE OR REPLACE TABLE solana_utils.daily_balances AS
            WITH u AS (
                SELECT date_trunc('day', block_time AT TIME ZONE 'UTC') AS day_utc,
                       CAST(date_trunc('month', block_time AT TIME ZONE 'UTC') AS DATE) AS month,
                       address, token_mint_address,
                       CAST(post_balance AS DOUBLE) / 1e9 AS sol_balance,
                       coalesce(post_token_balance, 0) AS token_balance,
                       token_balance_owner, block_time, block_slot,
                       row_number() OVER (PARTITION BY address, date_trunc('day', block_time AT TIME ZONE 'UTC')
                                          ORDER BY block_slot DESC, tx_index DESC) AS latest_balance
                FROM solana.account_activity
                WHERE tx_success AND (balance_change <> 0 OR token_balance_change <> 0)
            )
            SELECT demo_tz(day_utc) AS day, month, address, sol_balance, token_mint_address, token_balance, token_balance_owner,
                   block_time, block_slot,
                   md5(address || '-' || coalesce(token_mint_address, '_dbt_utils_surrogate_key_null_') || '-'
                       || strftime(day_utc, '%Y-%m-%d %H:%M:%S.000 UTC')) AS unique_address_key,
                   demo_tz({Sql(size.End)}) AS updated_at
            FROM u
            WHERE latest_balance = 1
            ORDER BY day, address
            """;
        yield return """
            CREATE OR REPLACE TABLE solana_utils.token_accounts AS
            SELECT DISTINCT address, substr(address, 1, 2) AS address_prefix, token_mint_address, token_balance_owner,
                   'spl_token' AS account_type
            FROM solana.account_activity
            WHERE token_mint_address IS NOT NULL
            ORDER BY address
            """;
        yield return """
            CREATE OR REPLACE TABLE solana_utils.latest_balances AS
            WITH ub AS (
                SELECT *, row_number() OVER (PARTITION BY address ORDER BY day DESC) AS latest_balance
                FROM solana_utils.daily_balances
            )
            SELECT ub.address, ub.block_time, ub.block_slot, ub.sol_balance, ub.token_balance,
                   coalesce(ub.token_mint_address, tk.token_mint_address) AS token_mint_address,
                   coalesce(ub.token_balance_owner, tk.token_balance_owner) AS token_balance_owner,
                   ub.updated_at
            FROM ub
            LEFT JOIN solana_utils.token_accounts tk ON tk.address = ub.address
            WHERE latest_balance = 1
            ORDER BY ub.address
            """;
    }
}
