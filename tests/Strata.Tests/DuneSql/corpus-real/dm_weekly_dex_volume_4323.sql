-- Source: github.com/duneanalytics/dex-metrics, queries/weekly_dex_volume___4323.sql@49d4d6fef6753afdf1fc5f34505fcaba752547f9 (verbatim)
-- part of a query repo
-- query name: Weekly DEX volume
-- query link: https://dune.com/queries/4323


SELECT
  project,
  DATE_TRUNC('week', block_time),
  SUM(CAST(amount_usd AS DOUBLE)) AS usd_volume
FROM
  dex."trades" AS t /* AND block_time < date_trunc('week', Now()) -- Add this line to see stats from current week */
WHERE
 block_time > NOW() - INTERVAL '365' day
GROUP BY
  1,
  2
