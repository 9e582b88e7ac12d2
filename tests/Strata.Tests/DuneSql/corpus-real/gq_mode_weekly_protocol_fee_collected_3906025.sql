-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/fees/protocol/mode_weekly_protocol_fee_collected_3906025.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (its parameter given a value: start date 2024-01-01 00:00:00)
-- part of a query repo
-- query name: Mode Weekly Protocol Fee Collected
-- query link: https://dune.com/queries/3906025


    SELECT
        DATE_TRUNC('week', CAST(day AS TIMESTAMP)) AS week,
        pool_symbol,
        SUM(protocol_fee_collected_usd) AS protocol_fee_collected
    FROM
        dune.balancer.dataset_mode_snapshots s
        WHERE CAST(day AS TIMESTAMP) >=   TIMESTAMP '2024-01-01 00:00:00' 
    GROUP BY 1, 2
    ORDER BY 1 DESC