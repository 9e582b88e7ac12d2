-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/logs.mdx, "Filter the logs for a specific contract" (verbatim)
select *
from tron.logs
where contract_address = 0x06012c8cf97bead5deae237070f9587f8e7a266d
limit 10
