-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/blocks.mdx (sql block 0), verbatim
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
