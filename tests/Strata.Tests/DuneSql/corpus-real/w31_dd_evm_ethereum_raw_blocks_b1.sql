-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/blocks.mdx, sql block 1 (SQL verbatim)
SELECT
  number,
  hash,
  size,
  gas_used
FROM
  ethereum.blocks
ORDER BY
  number DESC
LIMIT 10
