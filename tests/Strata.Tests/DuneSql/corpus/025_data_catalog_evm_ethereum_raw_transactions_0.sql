-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/transactions.mdx (sql block 0), verbatim
select * 
from ethereum.transactions where "from" = 0x50A1b5c358F8D34F0d35aA2f10742c46054E247e
