-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/bot_trades/solana/platforms/padre_solana_bot_users.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
select distinct
    signer as user
from solana.account_activity as activity
inner join solana.transactions as transactions
    on tx_id = id
    and transactions.block_time = activity.block_time
    
    and activity.block_time >= timestamp '2024-07-28'
    and transactions.block_time >= timestamp '2024-07-28'
    
where
    tx_success
    and balance_change > 0
    and address = 'J5XGHmzrRmnYWbmw45DbYkdZAU2bwERFZ11qCDXPvFB5'
    and address_prefix = 'J5'
