-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/transactions.mdx, sql block 1 (SQL verbatim)
select * 
from ethereum.transactions where "from" = 0x50A1b5c358F8D34F0d35aA2f10742c46054E247e
