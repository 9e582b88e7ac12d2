-- Source: github.com/matcha-bros/dune-analysis @7d7c366, queries/protocol_volume_7d_30d.sql (SQL verbatim)
-- Protocol-level 7d/30d DEX volume for the Tycho first-pass target set.
with mapped_trades as (
    select
        case
            when project = 'uniswap' and version = '4' then 'uniswap_v4'
            when project = 'ekubo' then 'ekubo_v2'
            when project = 'uniswap' and version = '3' then 'uniswap_v3'
            when project = 'curve' then 'curve'
            when project = 'balancer' and version = '2' then 'balancer_v2'
            when project = 'balancer' and version = '3' then 'balancer_v3_uncovered'
            when project = 'uniswap' and version = '2' then 'uniswap_v2'
            when project = 'sushiswap' and version = '2' then 'sushiswap_v2'
            when project = 'pancakeswap' and version = '2' then 'pancakeswap_v2'
            when project = 'pancakeswap' and version = '3' then 'pancakeswap_v3'
        end as protocol,
        amount_usd,
        block_date
    from dex.trades
    where blockchain = 'ethereum'
      and block_date >= current_date - interval '30' day
      and amount_usd is not null
      and (
        (project = 'uniswap' and version in ('2', '3', '4'))
        or project = 'ekubo'
        or project = 'curve'
        or (project = 'balancer' and version in ('2', '3'))
        or (project = 'sushiswap' and version = '2')
        or (project = 'pancakeswap' and version in ('2', '3'))
      )
),
volumes as (
    select
        protocol,
        sum(if(block_date >= current_date - interval '7' day, amount_usd, 0)) as volume_7d_usd,
        sum(amount_usd) as volume_30d_usd
    from mapped_trades
    where protocol is not null
    group by 1
)
select
    protocol,
    volume_7d_usd,
    volume_7d_usd / sum(volume_7d_usd) over () as share_7d,
    volume_30d_usd,
    volume_30d_usd / sum(volume_30d_usd) over () as share_30d
from volumes
order by volume_30d_usd desc
