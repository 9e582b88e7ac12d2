-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/balancer_weekly_volume_dune_sql_22261.sql@da8fdab (parameters {{2. Start date}} = 2025-11-20 00:00:00, {{3. End date}} = 2025-11-20 00:00:00, {{4. Blockchain}} = ethereum, {{5. Version}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Weekly Volume (Dune SQL)
-- query link: https://dune.com/queries/22261


-- Volume per week
-- Visualization: bar chart

WITH swaps AS (
        SELECT  
            date_trunc('week', block_time) AS week,
            version,
            COUNT(*) AS txns,
            SUM(amount_usd) AS volume
        FROM dex.trades
        WHERE project = 'balancer'
        AND block_time >= TIMESTAMP '2025-11-20 00:00:00'
        AND block_time <= TIMESTAMP '2025-11-20 00:00:00'
        AND ('ethereum' = 'All' OR blockchain = 'ethereum')
        AND ('ethereum' = 'All' OR version = 'ethereum')
        GROUP BY 1, 2
    )

SELECT 
    week, 
    version,
    txns AS "Swaps", 
    volume AS "Volume",
    volume/txns AS "Avg. Volume per Swap"
FROM swaps