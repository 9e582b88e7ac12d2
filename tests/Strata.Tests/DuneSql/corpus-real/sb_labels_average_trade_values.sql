-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/usage/average_trade_values/labels_average_trade_values.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
with
 average_trade_values as (
    select
        avg(amount_usd) as average_trade_value,
        taker as address,
        blockchain
    from (
        select taker, blockchain, amount_usd
        from dex_aggregator.trades
        UNION ALL
        select taker, blockchain, amount_usd
        from dex.trades
    )
    group by taker, blockchain
 )

select
  blockchain,
  address,
  case
    when average_trade_value > 50000 then '>$50k avg. DEX trade value'
    when average_trade_value > 10000 then '$10k-$50k avg. DEX trade value'
    when average_trade_value > 5000 then '$5k-$10k avg. DEX trade value'
    when average_trade_value > 2000 then '$2k-$5k avg. DEX trade value'
    when average_trade_value > 1000 then '$1k-$2k avg. DEX trade value'
    when average_trade_value > 400 then '$400-$1k avg. DEX trade value'
    else '<=$400 avg. DEX trade value'
  end as name,
  'dex' AS category,
  'gentrexha' AS contributor,
  'query' AS source,
  timestamp '2022-12-15' as created_at,
  now() as updated_at,
  'average_trade_values' as model_name,
  'usage' as label_type
from
  average_trade_values