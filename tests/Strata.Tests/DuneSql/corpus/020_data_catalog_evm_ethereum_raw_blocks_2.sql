-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/blocks.mdx (sql block 2), verbatim
SELECT
  number,
  count(*)
FROM
  ethereum.blocks
group by 1 

LIMIT 10
