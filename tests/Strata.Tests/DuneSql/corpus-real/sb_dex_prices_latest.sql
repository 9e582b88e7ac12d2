-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/dex/models/prices/dex_prices_latest.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
SELECT
    CAST(date_trunc('month', timestamp) as DATE) as block_month,
    timestamp as block_time,
    contract_address as token_address,
    price as token_price_usd,
    cast(null as double) as token_price_usd_raw  -- Using same value since raw was same as normal in original
FROM prices.latest
WHERE source = 'dex.trades'