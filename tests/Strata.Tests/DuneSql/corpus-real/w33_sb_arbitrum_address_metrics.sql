-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_metrics/transactions/arbitrum/arbitrum_address_metrics.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
with run as (
select
    'arbitrum' as blockchain
    ,"from" as address
    ,min(block_time) as min_block_time
from arbitrum.transactions tx

group by 1,2
)

select * from run
