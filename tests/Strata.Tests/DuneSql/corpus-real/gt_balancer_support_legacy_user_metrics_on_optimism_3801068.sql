-- Source: github.com/gustavobftorres/dune-queries, balancer/support/legacy/user_metrics_on_optimism_3801068.sql@da8fdab (parameters {{End date}} = 2025-11-20 00:00:00, {{Start date}} = 2025-11-20 00:00:00; SQL otherwise verbatim)
-- part of a query repo
-- query name: User Metrics on Optimism
-- query link: https://dune.com/queries/3801068


WITH
    unique_addresses AS (
        SELECT
            block_date,
            'optimism' AS blockchain,
            COUNT(DISTINCT "from") AS unique_addresses
        FROM optimism.transactions
        WHERE to = 0xba12222222228d8ba445958a75a0704d566bf2c8
        AND block_time <= TIMESTAMP '2025-11-20 00:00:00'
        AND block_time >= TIMESTAMP '2025-11-20 00:00:00'
        GROUP BY 1, 2
    )
SELECT
    block_date,
    blockchain,
    SUM(unique_addresses) OVER (PARTITION BY blockchain ORDER BY block_date) AS cumulative_unique_addresses,
    unique_addresses AS dau
FROM unique_addresses
ORDER BY block_date, blockchain;