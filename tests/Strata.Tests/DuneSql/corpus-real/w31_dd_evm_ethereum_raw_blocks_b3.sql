-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/blocks.mdx, sql block 3 (SQL verbatim)
SELECT
  number,
  count(*)
FROM
  ethereum.blocks
group by 1 

LIMIT 10
