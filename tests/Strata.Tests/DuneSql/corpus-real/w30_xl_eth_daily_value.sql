-- Source: github.com/xilibi2003/training_camp_2 @464e0fb, w4_dune/example.sql (lines 20-30 of the file, one of its several statements; SQL verbatim)
SELECT
  DATE_TRUNC('day', block_time) AS "Date",
  SUM(CAST(value AS DOUBLE) / 1e18) AS "Value"
FROM
  ethereum."transactions" /* 筛选30天内的数据 */
WHERE
  block_time > NOW() - INTERVAL '30' day
GROUP BY
  1
ORDER BY
  1 DESC NULLS FIRST
