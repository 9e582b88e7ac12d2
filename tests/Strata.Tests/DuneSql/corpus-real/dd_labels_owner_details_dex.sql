-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/labels/owner-details.mdx, "entities categorized as 'Decentralized Exchange'" (verbatim)
SELECT
  name,
  website,
  primary_category
FROM
  labels.owner_details
WHERE
  primary_category = 'Decentralized Exchange'
