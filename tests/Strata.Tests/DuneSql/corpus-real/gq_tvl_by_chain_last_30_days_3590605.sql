-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/tvl/protocol/tvl_by_chain_last_30_days_3590605.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: TVL by chain, last 30 days
-- query link: https://dune.com/queries/3590605


SELECT day, blockchain, sum(protocol_liquidity_usd) AS TVL FROM balancer.liquidity
WHERE day > now () - interval '30' day
GROUP BY 1,2
ORDER BY 1 ASC, 3 DESC
