-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/blocks.mdx, "Show the most recent blocks" (verbatim)
SELECT
  number,
  hash,
  size,
  gas_used
FROM
  tron.blocks
ORDER BY
  number DESC
LIMIT 10
