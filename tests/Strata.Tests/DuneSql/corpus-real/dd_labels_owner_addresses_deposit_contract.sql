-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/labels/owner-addresses.mdx, "custody owners depositing to the ETH 2.0 deposit contract" (verbatim)
Select
  "from",
  "to",
  value,
  block_date,
  hash,
  custody_owner
from
  ethereum.transactions
  inner join labels.owner_addresses on "from" = labels.owner_addresses.address
where
  "to" = 0x00000000219ab540356cBB839Cbe05303d7705Fa
