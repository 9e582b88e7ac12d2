-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/blocks.mdx (sql block 1), verbatim
SELECT
  date_trunc('day', time) AS day,
  count(distinct number)
FROM
  ethereum.blocks
GROUP BY
  day
ORDER BY
  day DESC
