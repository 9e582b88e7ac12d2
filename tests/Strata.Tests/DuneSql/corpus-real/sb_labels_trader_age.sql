-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/usage/trader_age/labels_trader_age.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
with trader_age as (
    select blockchain,
           date_diff('day', min(block_date), max(block_date)) as trader_age,
           taker                                      as address
    from (
        select blockchain, taker, block_date
        from dex_aggregator.trades
        UNION ALL
        select blockchain, taker, block_date
        from dex.trades
    )
    group by taker, blockchain
)

select blockchain,
       address,
       case
           when trader_age > 1825 then '5 years old DEX trader'
           when trader_age > 1460 then '4 years old DEX trader'
           when trader_age > 1095 then '3 years old DEX trader'
           when trader_age > 730 then '2 years old DEX trader'
           when trader_age > 365 then '1 year old DEX trader'
           when trader_age > 91 then '3 months old DEX trader'
           when trader_age > 30 then '1 month old DEX trader'
           when trader_age > 7 then '1 week old DEX trader'
           else 'less than 1 week old DEX trader'
           end                 AS name,
       'dex'                   AS category,
       'gentrexha'             AS contributor,
       'query'                 AS source,
       timestamp '2022-12-15' AS created_at,
       now()                   AS updated_at,
       'trader_age'            AS model_name,
       'usage'                 AS label_type
from trader_age
