-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/usage/trader_dex_diversity/labels_trader_dex_diversity.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
with
 trader_dex_diversity as (
    select blockchain,
           count(distinct project) as dex_diversity,
           taker                   as address
    from (select blockchain, taker, project
          from dex_aggregator.trades
          union all
          select blockchain, taker, project
          from dex.trades)
    group by taker, blockchain
 )

select
    blockchain,
    address,
    concat('Number of DEXs traded on: ', cast(dex_diversity as varchar)) as name,
    'dex' AS category,
    'gentrexha' AS contributor,
    'query' AS source,
    timestamp '2022-12-15' as created_at,
    now() as updated_at,
    'trader_dex_diversity' as model_name,
    'usage' as label_type
from trader_dex_diversity