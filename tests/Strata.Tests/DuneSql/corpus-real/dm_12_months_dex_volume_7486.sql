-- Source: github.com/duneanalytics/dex-metrics, queries/12_months_dex_volume___7486.sql@49d4d6fef6753afdf1fc5f34505fcaba752547f9 (verbatim)
-- part of a query repo
-- query name: 12 Months DEX volume
-- query link: https://dune.com/queries/7486


SELECT
  SUM(CAST(amount_usd AS DOUBLE)) / 1000000000 /* Convert to billion :D */ AS usd_volume_in_billion
FROM
  dex."trades" AS t
WHERE
  block_time >= NOW() - INTERVAL '12' month
