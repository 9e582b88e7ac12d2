-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/token_pair_volume_comparison_3625596.sql@da8fdab (parameters {{Token Pair}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{Start Date}} = 2025-11-20 00:00:00, {{Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Token Pair Volume Comparison
-- query link: https://dune.com/queries/3625596


SELECT block_date, project, sum(amount_usd) as volume
FROM dex.trades
WHERE token_pair = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
AND block_date >= TIMESTAMP '2025-11-20 00:00:00'
AND ('ethereum' = 'All' OR blockchain = 'ethereum')
GROUP BY 1, 2