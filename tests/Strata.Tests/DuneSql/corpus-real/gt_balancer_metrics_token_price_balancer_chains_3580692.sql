-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/balancer_chains_3580692.sql@da8fdab (verbatim)
-- part of a query repo
-- query name: Balancer chains
-- query link: https://dune.com/queries/3580692


SELECT DISTINCT blockchain AS blockchain 
FROM balancer.liquidity
UNION 
SELECT 'All' AS blockchain
ORDER BY 1 ASC