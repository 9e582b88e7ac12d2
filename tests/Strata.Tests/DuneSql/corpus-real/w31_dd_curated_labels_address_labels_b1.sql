-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/labels/address-labels.mdx, sql block 1 (SQL verbatim)
SELECT
  address,
  name
FROM
  labels.addresses
WHERE
  category = 'dex' AND
  blockchain = 'bnb'
