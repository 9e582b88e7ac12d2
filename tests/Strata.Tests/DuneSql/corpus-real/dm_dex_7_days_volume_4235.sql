-- Source: github.com/duneanalytics/dex-metrics, queries/dex_7_days_volume___4235.sql@49d4d6fef6753afdf1fc5f34505fcaba752547f9 (verbatim)
-- part of a query repo
-- query name: DEX 7 days volume
-- query link: https://dune.com/queries/4235

SELECT
    SUM(amount_usd)/1e9 AS billion_volume
FROM dex.trades t
WHERE block_time > now() - interval '7' day
