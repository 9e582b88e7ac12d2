-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/volume_market_share_95179.sql@da8fdab (parameters {{2. Start date}} = 2025-11-20 00:00:00, {{3. End date}} = 2025-11-20 00:00:00, {{4. Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Volume Market Share
-- query link: https://dune.com/queries/95179


SELECT
    date_trunc('week', block_time) AS week,
    CASE 
        WHEN project = 'uniswap' AND version = '3' THEN 'Uniswap V3' 
        WHEN project = 'uniswap' AND version != '3' THEN 'Uniswap V1+V2' 
        ELSE project END AS project,
    SUM(amount_usd) AS usd_volume,
    COUNT(*) AS n_trades
FROM dex.trades t                                                                             
WHERE block_time >= TIMESTAMP '2025-11-20 00:00:00'
AND block_time <= TIMESTAMP '2025-11-20 00:00:00'
AND project IN ('balancer', 'curve', 'uniswap', 'sushiswap', 'Bancor Network')
AND ('ethereum' = 'All' OR blockchain = 'ethereum')
GROUP BY 1, 2
ORDER BY 3, 2