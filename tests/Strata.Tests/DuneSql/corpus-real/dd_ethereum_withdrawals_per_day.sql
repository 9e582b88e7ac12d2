-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/withdrawals.mdx, "Withdrawals per day" (verbatim)
select
date_trunc('day', block_time) as dt,
sum(AMOUNT)/1e9 as withdraw_amount
from ethereum.withdrawals
group by 1
