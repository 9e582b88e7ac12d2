-- Source: github.com/welttowelt/starknet-dune-dashboard, dune/private-overview/05_execution_status_30_days.sql@67f033eab9b7a19fe835618d8582d69c8cd0d8b9 (verbatim)
-- Private Starknet overview: execution status over the trailing 30 days.
select
  execution_status,
  count(*) as transactions,
  100.0 * count(*) / sum(count(*)) over () as share_pct
from starknet.transactions
where block_date >= current_date - interval '30' day
group by 1
order by 2 desc;
