-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/dex_solana_stg_max_block_slot.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- depends_on: dex_solana.base_trades

select
    max(block_date) as block_date_filter
    , max(block_time) as block_time_filter
    , max(block_slot) as block_slot_filter
from
    tokens_solana.transfers
where
    -- to prevent full scan, give short timeframe filter with some buffer
    block_date >= now() - interval '3' day
