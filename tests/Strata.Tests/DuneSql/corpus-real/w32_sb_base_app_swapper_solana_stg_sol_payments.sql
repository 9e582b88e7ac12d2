-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/base_app/fee_payments_raw/base_app_swapper_solana_stg_sol_payments.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- From '2025-10' onwards fees are paid directly to 6oo...yBd during each trade
select
    account_activity.block_time,
    cast(date_trunc('month', account_activity.block_time) as date) as block_month,
    address as fee_receiver,
    account_activity.balance_change / 1e9 as amount,
    'So11111111111111111111111111111111111111112' token_address,
    account_activity.tx_id
from solana.account_activity as account_activity
where
     
    account_activity.block_time >= timestamp '2025-10-16'
     
    and tx_success
    and address = '6ooVBXhnqAXaF91cu49YmWhoFuE6WLdZWTwNYvTuhyBd'
    and balance_change > 0
    and exists (
        select 1 
        from dex_solana.trades as trades
        where trades.tx_id = account_activity.tx_id
        and trades.block_time = account_activity.block_time
        and trades.block_month = cast(date_trunc('month', account_activity.block_time) as date)
         
        and trades.block_time >= timestamp '2025-10-16'
         
    )
