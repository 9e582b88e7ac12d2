-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_metrics/transactions/chains/evm/metrics_ethereum_transactions_daily.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
select
        blockchain
        , block_date
        , approx_distinct(tx_hash) as tx_count --max 2% error, which is fine
from
    tokens.transfers
where
    blockchain = 'ethereum'
    and amount_usd >=1
    
group by
    blockchain
    , block_date
