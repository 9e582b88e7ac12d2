-- Source: github.com/stasi009/Web3SQLAnalytics @5cf3d54, Dune/Blockchain Comparison/main_compare_token_price.sql (the file; SQL verbatim; parameters substituted: back_days=30)
select
    date_trunc('day',minute) as day
    , symbol
    , case 
        when symbol='ETH' then 'ethereum / arbitrum / optimism'
        when symbol='AVAX' then 'avalanche_c'
        when symbol='MATIC' then 'polygon'
        when symbol='SOL' then 'solana'
        end as used_on_chain
    , avg(price) as daily_avg_price 
from prices.usd
where 
    blockchain is null -- for native token
    and symbol in ('ETH','SOL','AVAX','MATIC')
    and date_trunc('day',minute) between current_date - interval '30' day and current_date - interval '1' day
group by 1,2,3
order by 1,2
