-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/prices_day.mdx, sql block 2 (SQL verbatim)
SELECT
  timestamp,
  price
FROM prices.day
WHERE blockchain = 'ethereum'
AND contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 -- WETH
AND timestamp >= NOW() - INTERVAL '30' DAY
ORDER BY timestamp
