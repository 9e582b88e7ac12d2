-- Source: github.com/duneanalytics/dune-docs @1502a52, learning/how-tos/create-your-first-query.mdx, sql block 2 (SQL verbatim)
SELECT
  block_date,
  blockchain,
  project,
  COUNT(*) as number_of_trades,
  SUM(amount_usd) as trading_volume_usd
FROM dex.trades
WHERE
  block_date >= NOW() - INTERVAL '30' day
  AND project = '{{Project Name}}' -- Try 'uniswap' or 'curve'
GROUP BY
  1, 2, 3
ORDER BY
  1 DESC, 5 DESC
