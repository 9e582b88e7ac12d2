-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/bot_trades/solana/platforms/consortium_key_solana_bot_users.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
select distinct
    signer as user
from solana.account_activity as activity
inner join solana.transactions as transactions
    on tx_id = id
    and transactions.block_time = activity.block_time
    
    and activity.block_time >= timestamp '2024-03-01'
    and transactions.block_time >= timestamp '2024-03-01'
    
where
    tx_success
    and balance_change > 0
    and address = '6qgwjhV2RQxcPffRdtQBTTEezRykQKXqhcDyv1z3r9tq'
    and address_prefix = '6q'
