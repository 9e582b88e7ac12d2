-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/hourly_spellbook/models/_sector/prices/prices_usd_daily.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
select * from (
select
    cast(date_trunc('day', minute) as date) as day,
    blockchain,
    contract_address,
    decimals,
    symbol,
    avg(price) as price,
    min_by(price,minute) as price_open,
    max(price) as price_high,
    min(price) as price_low,
    max_by(price,minute) as price_close
from prices.usd
group by 1,2,3,4,5
)
where day < cast(date_trunc('day',now()) as date) -- exclude ongoing day

