-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/asof-join.mdx, sql block 2 (SQL verbatim)
select 
    d.timestamp,
    b.balance
from utils.days d
asof join tokens_ethereum.balances b
on b.address = 0x7058decc644317062f90525f4C1489AaF456e6B3 --dune.eth
    and b.token_standard = 'native' -- native ETH
    and b.block_time <= d.timestamp -- ASOF JOIN condition
