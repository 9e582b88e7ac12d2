-- Source: github.com/xilibi2003/training_camp_2 @464e0fb, w4_dune/example.sql (lines 34-47 of the file, one of its several statements; SQL verbatim)
SELECT
  DATE_TRUNC('day', minute) AS Day,
  MAX(price) AS Top,
  MIN(price) AS Bottom,
  AVG(price) AS Average
FROM
  prices."usd"
WHERE
  "symbol" = 'ETH'   /*筛选货币为eth*/
  AND DATE_TRUNC('day', minute) > DATE_TRUNC('day', NOW()) - INTERVAL '30' day  /*筛选30天内的数据*/
GROUP BY  /*按时间分组并且按照时间排序（降序）*/
  1
ORDER BY
  Day DESC NULLS FIRST
