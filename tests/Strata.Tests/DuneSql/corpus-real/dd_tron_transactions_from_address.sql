-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/transactions.mdx, "Show all transactions sent by a specific address" (verbatim)
select * 
from tron.transactions where "from" = 0x50A1b5c358F8D34F0d35aA2f10742c46054E247e
