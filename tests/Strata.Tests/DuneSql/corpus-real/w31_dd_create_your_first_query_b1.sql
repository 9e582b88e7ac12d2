-- Source: github.com/duneanalytics/dune-docs @1502a52, learning/how-tos/create-your-first-query.mdx, sql block 1 (SQL verbatim)
SELECT
  block_date,
  blockchain,
  COUNT(*) as number_of_trades,
  SUM(amount_usd) as trading_volume_usd
FROM dex.trades
WHERE
  block_date >= NOW() - INTERVAL '30' day
GROUP BY
  1, 2
ORDER BY
  1 DESC, 4 DESC
