-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/non_balancer_token_pairs_4607181.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Non-Balancer Token Pairs
-- query link: https://dune.com/queries/4607181


SELECT
    DISTINCT token_pair, SUM(amount_usd)
FROM dex.trades
GROUP BY 1

UNION

SELECT 
    'All', 1e20

ORDER BY 2 DESC