-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/balancer_token_pairs_4607004.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Balancer Token Pairs
-- query link: https://dune.com/queries/4607004


SELECT
    DISTINCT token_pair, SUM(amount_usd)
FROM dex.trades
WHERE project = 'balancer'
GROUP BY 1

UNION

SELECT 
    'All', 1e16

ORDER BY 2 DESC