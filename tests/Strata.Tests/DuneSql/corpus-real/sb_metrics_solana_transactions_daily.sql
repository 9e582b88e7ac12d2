-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_metrics/transactions/chains/solana/metrics_solana_transactions_daily.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
select
    'solana' as blockchain
    , block_date
    , approx_distinct(tx_id) as tx_count
from
    tokens_solana.transfers
where
    1 = 1
    and action != 'wrap'
    and amount_usd > 1
    group by
    'solana'
    , block_date
