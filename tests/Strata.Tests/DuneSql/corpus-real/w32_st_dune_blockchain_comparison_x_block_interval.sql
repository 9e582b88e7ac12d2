-- Source: github.com/stasi009/Web3SQLAnalytics @5cf3d54, Dune/Blockchain Comparison/x_block_interval.sql (the file; SQL verbatim; parameters substituted: back_days=30)
with ethereum_block_interval as (
    select 
        date_diff('second',b.time,nextb.time) as block_interval_secs
    from ethereum.blocks b
    inner join ethereum.blocks nextb
        on nextb.number = b.number + 1
        -- apply filter condition during inner join, reduce join data size
        and b.time >= now() - interval '30' day
        and nextb.time >= now() - interval '30' day
)
, avalanche_c_block_interval as (
    select 
        date_diff('second',b.time,nextb.time) as block_interval_secs
    from avalanche_c.blocks b
    inner join avalanche_c.blocks nextb
        on nextb.number = b.number + 1
        -- apply filter condition during inner join, reduce join data size
        and b.time >= now() - interval '30' day
        and nextb.time >= now() - interval '30' day
)
, arbitrum_block_interval as (
    select 
        date_diff('second',b.time,nextb.time) as block_interval_secs
    from arbitrum.blocks b
    inner join arbitrum.blocks nextb
        on nextb.number = b.number + 1
        -- apply filter condition during inner join, reduce join data size
        and b.time >= now() - interval '30' day
        and nextb.time >= now() - interval '30' day
)
, optimism_block_interval as (
    select 
        date_diff('second',b.time,nextb.time) as block_interval_secs
    from optimism.blocks b
    inner join optimism.blocks nextb
        on nextb.number = b.number + 1
        -- apply filter condition during inner join, reduce join data size
        and b.time >= now() - interval '30' day
        and nextb.time >= now() - interval '30' day
)
, polygon_block_interval as (
    select 
        date_diff('second',b.time,nextb.time) as block_interval_secs
    from polygon.blocks b
    inner join polygon.blocks nextb
        on nextb.number = b.number + 1
        -- apply filter condition during inner join, reduce join data size
        and b.time >= now() - interval '30' day
        and nextb.time >= now() - interval '30' day
)

select * from polygon_block_interval
limit 100
