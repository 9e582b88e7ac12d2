-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/balancer_hourly_volume_dune_sql_22257.sql@da8fdab (parameters {{4. Blockchain}} = ethereum, {{5. Version}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Hourly Volume (Dune SQL)
-- query link: https://dune.com/queries/22257


WITH swaps AS (
        SELECT  
            date_trunc('hour', block_time) AS hour,
            version,
            COUNT(*) AS txns,
            SUM(amount_usd) AS volume
        FROM dex.trades
        WHERE project = 'balancer'
        AND ('ethereum' = 'All' OR blockchain = 'ethereum')
        AND block_time >= now() - interval '7' day
        AND ('ethereum' = 'All' OR version = 'ethereum')
        GROUP BY 1, 2
    )

SELECT 
    hour, 
    version,
    txns AS "Swaps", 
    volume AS "Volume",
    volume/txns AS "Avg. Volume per Swap"
FROM swaps