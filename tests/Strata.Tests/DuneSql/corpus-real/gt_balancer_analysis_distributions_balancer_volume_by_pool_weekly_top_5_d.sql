-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/distributions/balancer_volume_by_pool_weekly_top_5_dune_sql_22273.sql@da8fdab (parameters {{4. Blockchain}} = ethereum, {{2. Start date}} = 2025-11-20 00:00:00, {{3. End date}} = 2025-11-20 00:00:00, {{5. Version}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer Volume by Pool (weekly top 5) (Dune SQL)
-- query link: https://dune.com/queries/22273


-- Volume (pool breakdown) per week
-- Visualization: bar chart (stacked)

WITH swaps AS (
        SELECT
            date_trunc('week', d.block_time) AS week,
            version,
            sum(amount_usd) AS volume,
            CAST (d.project_contract_address as varchar) AS address,
            COUNT(DISTINCT tx_from) AS traders,
            blockchain
        FROM dex.trades d
        WHERE project = 'balancer' AND ('ethereum' = 'All' OR blockchain = 'ethereum')
        AND block_time >= TIMESTAMP '2025-11-20 00:00:00'
        AND block_time <= TIMESTAMP '2025-11-20 00:00:00'
        AND ('ethereum' = 'All' OR version = 'ethereum')
        GROUP BY 1, 2, 4, 6
    ),

    labels AS (
    SELECT * FROM (SELECT
            address,
            name,
            ROW_NUMBER() OVER (PARTITION BY address ORDER BY MAX(updated_at) DESC) AS num
        FROM labels.addresses
        WHERE category IN ('balancer_pool', 'balancer_v2_pool', 'balancer_v3_pool')
        GROUP BY 1, 2) l
        WHERE num = 1
)

SELECT * FROM (
    SELECT
        s.address,
        COALESCE(CONCAT('v', version, ': ', '(', SUBSTRING(s.blockchain,1,3),') ',l.name, ' (', SUBSTRING(s.address, 3, 8), ')'),
        CONCAT('v', version, ': ', '(', SUBSTRING(s.blockchain,1,3),'), (', SUBSTRING(s.address, 3, 8), ')'))
        AS pool,
        week,
        s.traders,
        ROW_NUMBER() OVER (PARTITION BY week ORDER BY SUM(volume) DESC NULLS LAST) AS position,
        ROUND(sum(s.volume), 2) AS volume
    FROM swaps s
    LEFT JOIN labels l ON s.address = CAST (l.address as varchar)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
) ranking
WHERE position <= 5
AND volume > 0