-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/solana_utils/solana_utils_daily_balances.sql (jinja rendered: config removed, non-incremental branch, source() -> table, dbt_utils.generate_surrogate_key as dbt-trino renders it; SQL verbatim)
WITH
      updated_balances as (
            SELECT
                  date_trunc('day', block_time) as day
                  , cast(date_trunc('month', block_time) as date) as month
                  , address
                  , token_mint_address
                  , cast(post_balance as double)/1e9 as sol_balance --lamport -> sol
                  , coalesce(post_token_balance,0) as token_balance --tokens are already correct decimals in this table
                  , token_balance_owner
                  , block_time
                  , block_slot
                  , row_number() OVER (partition by address, date_trunc('day', block_time) order by block_slot desc, tx_index desc) as latest_balance
            FROM solana.account_activity  aa
            WHERE tx_success
            --many writable accounts are included in account activity but don't see any state changes. So this shrinks the table by 70%.
            AND (aa.balance_change != 0 or aa.token_balance_change != 0)
      )

SELECT
      day
      , month
      , address
      , sol_balance
      , token_mint_address
      , token_balance
      , token_balance_owner
      , block_time
      , block_slot
      , lower(to_hex(md5(to_utf8(cast(concat(coalesce(cast(address as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(token_mint_address as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(day as varchar), '_dbt_utils_surrogate_key_null_')) as varchar))))) as unique_address_key
      , now() as updated_at
FROM updated_balances
WHERE latest_balance = 1
