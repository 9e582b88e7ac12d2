-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/blocks.mdx, "Show the number of blocks produced each day" (verbatim)
SELECT
  date_trunc('day', time) AS day,
  count(distinct number)
FROM
  tron.blocks
GROUP BY
  day
ORDER BY
  day DESC
