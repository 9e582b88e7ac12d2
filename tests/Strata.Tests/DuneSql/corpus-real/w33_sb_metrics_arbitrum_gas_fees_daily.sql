-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_metrics/fees/chains/evm/metrics_arbitrum_gas_fees_daily.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
select
    blockchain
    , block_date
    , sum(tx_fee_usd) as gas_fees_usd
from
    gas.fees
where blockchain = 'arbitrum'

group by
    blockchain
    ,block_date
