-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/distributions/balancer_7_day_volume_by_pool_top_10_dune_sql_22275.sql@da8fdab (parameters {{4. Blockchain}} = ethereum, {{5. Version}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Balancer 7-day Volume by Pool (top 10) (Dune SQL)
-- query link: https://dune.com/queries/22275


-- Volume (pool breakdown) per day
-- Visualization: bar chart (stacked)

WITH swaps AS (
        SELECT
            date_trunc('day', d.block_time) AS day,
            version,
            sum(amount_usd) AS volume,
            CAST(d.project_contract_address as varchar) AS address,
            COUNT(DISTINCT tx_from) AS traders,
            blockchain
        FROM dex.trades d
        WHERE project = 'balancer' AND ('ethereum' = 'All' OR blockchain = 'ethereum')
        AND date_trunc('day', d.block_time) > date_trunc('day', now() - interval '7' day)
        AND ('ethereum' = 'All' OR version = 'ethereum')
        GROUP BY 1, 2, 4, 6
    ),

    labels AS (
    SELECT * FROM (SELECT
           address,
            name,
            ROW_NUMBER() OVER (PARTITION BY address ORDER BY MAX(updated_at) DESC) AS num
        FROM labels.addresses
        WHERE "category" IN ('balancer_pool', 'balancer_v2_pool', 'balancer_v3_pool')
        GROUP BY 1, 2) l
        WHERE num = 1
)

SELECT * FROM (
    SELECT
        s.address,
        COALESCE(CONCAT('v', version, ': ', '(', SUBSTRING(s.blockchain,1,3),') ',l.name, ' (', SUBSTRING(s.address, 3, 8), ')'),
        CONCAT('v', version, ': ', '(', SUBSTRING(s.blockchain,1,3),'), (', SUBSTRING(s.address, 3, 8), ')')) AS pool,
        day,
        s.traders,
        ROW_NUMBER() OVER (PARTITION BY day ORDER BY SUM(volume) DESC NULLS LAST) AS position,
        ROUND(sum(s.volume), 2) AS volume
    FROM swaps s
    LEFT JOIN labels l ON s.address = CAST(l.address as varchar)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
) ranking
WHERE position <= 10
AND volume > 0