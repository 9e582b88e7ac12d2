-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/overview.mdx, sql block 2 (SQL verbatim)
SELECT
  timestamp,
  price
FROM prices.day
WHERE blockchain = 'ethereum'
AND contract_address = 0x1f9840a85d5af5bf1d1762f925bdaddc4201f984 -- UNI
AND timestamp >= NOW() - INTERVAL '30' DAY
