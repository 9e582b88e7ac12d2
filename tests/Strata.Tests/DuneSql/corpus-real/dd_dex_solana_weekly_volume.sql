-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/dex-trades/solana/solana-dex-trades.mdx, weekly volume example (verbatim)
SELECT
  DATE_TRUNC('week', block_time) AS week,
  SUM(CAST(amount_usd AS DOUBLE)) AS usd_volume
FROM
  dex_solana.trades
WHERE
  block_time > NOW() - INTERVAL '365' day
GROUP BY 1
ORDER BY 1
