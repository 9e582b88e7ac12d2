-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/prices/prices_usd_forward_fill.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- how much time we look back, anything before is considered finalized, anything after is forward filled.
-- we could decrease this to optimize query performance but it's a tradeoff with resiliency to lateness.



WITH
  finalized as (
    select *
    FROM prices.usd
    where minute <= now() - interval '1' hour
)

, unfinalized as (
    select *,
        lead(minute) over (partition by blockchain,contract_address,decimals,symbol order by minute asc) as next_update_minute
    FROM prices.usd
    where minute >= now() - interval '1' hour
)

, timeseries as (
    select * from unnest(sequence(
        cast(date_trunc('minute', now() - interval '1' hour) as timestamp)
        ,cast(date_trunc('minute', now()) as timestamp)
        ,interval '1' minute)) as foo(minute)
)

, forward_fill as (
    select
    t.minute
    ,blockchain
    ,contract_address
    ,decimals
    ,symbol
    ,price
    from unfinalized p
    right join timeseries t
    ON t.minute >= p.minute and (p.next_update_minute is null OR t.minute < p.next_update_minute) -- perform forward fill
)

SELECT
    minute
    ,blockchain
    ,contract_address
    ,decimals
    ,symbol
    ,price
FROM finalized
UNION ALL
SELECT
    minute
    ,blockchain
    ,contract_address
    ,decimals
    ,symbol
    ,price
FROM forward_fill
where minute > now() - interval '1' hour
