-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/persona/trader_platforms/labels_trader_platforms.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
with trader_platforms as (
    select taker           as address,
           MIN(block_time) as first_trade,
           COUNT(*)        as num_txs, -- to optimize query
           project,
           blockchain
    from (
        select blockchain,
               taker,
               project,
               block_time
        from dex_aggregator.trades
        UNION ALL
        select blockchain,
               taker,
               project,
               block_time
        from dex.trades
          )
    group by taker, project, blockchain
    order by first_trade
)

select blockchain,
       address,
       array_join(array_distinct(ARRAY_AGG(concat(upper(substring(project, 1, 1)), substring(project, 2)))),
                  ', ') || ' User' AS name,
       'dex'                       AS category,
       'gentrexha'                 AS contributor,
       'query'                     AS source,
       TIMESTAMP '2022-12-21'           AS created_at,
       now()                       AS updated_at,
       'trader_platforms'          AS model_name,
       'persona'                   AS label_type
from trader_platforms
where address is not null
group by address, blockchain 
