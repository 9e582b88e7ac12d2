-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/volume/pool/top_100_daily_volume_by_pool_3671248.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Top 100 daily volume by pool
-- query link: https://dune.com/queries/3671248


select block_date, blockchain, project_contract_address, sum(amount_usd) as daily_volume
from balancer.trades
group by 1,2,3
order by 4 desc
limit 100