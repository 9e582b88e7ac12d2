-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/blocks.mdx, sql block 2 (SQL verbatim)
SELECT
  date_trunc('day', time) AS day,
  count(distinct number)
FROM
  ethereum.blocks
GROUP BY
  day
ORDER BY
  day DESC
