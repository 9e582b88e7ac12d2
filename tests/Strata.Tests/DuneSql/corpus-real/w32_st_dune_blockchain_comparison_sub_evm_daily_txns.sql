-- Source: github.com/stasi009/Web3SQLAnalytics @5cf3d54, Dune/Blockchain Comparison/sub_evm_daily_txns.sql (the file; SQL verbatim; parameters substituted: evm_blockchain=ethereum, back_days=30)
select
    'ethereum' as blockchain
    , block_date 
    , num_txn
    , num_success_txn
    , cast(num_success_txn as double) / num_txn as txn_success_rate
    , num_txn / 86400.0 as txn_per_sec
    , num_success_txn / 86400.0 as succ_txn_per_sec
    , num_users
from (
    select 
        block_date
        , count(hash) as num_txn
        , count(hash) filter (where success) as num_success_txn
        , count(distinct "from") as num_users
    from ethereum.transactions txn
    -- between include both ends
    where block_date between current_date - interval '30' day and current_date - interval '1' day
    group by 1
)
