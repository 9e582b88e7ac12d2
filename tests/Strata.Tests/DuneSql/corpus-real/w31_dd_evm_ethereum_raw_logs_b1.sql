-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/logs.mdx, sql block 1 (SQL verbatim)
select *
from ethereum.logs
where contract_address = 0x06012c8cf97bead5deae237070f9587f8e7a266d
limit 10
