-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/token_volume_by_chain_and_dex_5517435.sql@da8fdab (parameters {{days}} = ethereum, {{token}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
-- part of a query repo
-- query name: Token Volume by Chain and DEX
-- query link: https://dune.com/queries/5517435


SELECT
    date_trunc('day', block_time) AS date,
    blockchain,
    project,
    token_pair,
    SUM(amount_usd) AS volume
FROM dex.trades
WHERE block_time >= now() - interval 'ethereum' day
    AND lower(token_pair) LIKE lower('%0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48%')
    --AND blockchain IN ('monad', 'avalanche_c', 'ethereum')
    AND blockchain IN ('ethereum')
    AND project IN ('balancer','uniswap')
    AND amount_usd > 10
    
GROUP BY
    1, 2, 3, 4
ORDER BY
    date DESC,
    volume DESC