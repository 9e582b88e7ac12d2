-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/persona/dex_aggregator_traders/labels_dex_aggregator_traders.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
with
 dex_traders as (
    select distinct taker as address, blockchain
    from dex_aggregator.trades
  )
select
  blockchain,
  address,
  'DEX Aggregator Trader' AS name,
  'dex' AS category,
  'gentrexha' AS contributor,
  'query' AS source,
  TIMESTAMP '2022-12-14'  as created_at,
  now() as updated_at,
  'dex_aggregator_traders' as model_name,
  'persona' as label_type
from
  dex_traders