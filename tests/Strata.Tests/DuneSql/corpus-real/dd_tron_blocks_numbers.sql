-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/blocks.mdx, "Show the number of transactions in each block" (verbatim)
SELECT
  number,
  count(*)
FROM
  tron.blocks
group by 1 

LIMIT 10
