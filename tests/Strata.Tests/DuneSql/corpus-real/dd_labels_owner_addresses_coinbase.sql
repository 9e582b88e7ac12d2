-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/labels/owner-addresses.mdx, "addresses owned by 'Coinbase'" (verbatim)
SELECT
  *
FROM
  labels.owner_addresses
 where custody_owner = 'Coinbase'
