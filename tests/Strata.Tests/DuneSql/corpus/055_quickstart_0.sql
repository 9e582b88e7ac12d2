-- Source: github.com/duneanalytics/dune-docs, quickstart.mdx (sql block 0), verbatim
--Query to get Ethereum's unique daily active users and passive users  in 2023

SELECT  
--truncate time to day
date_trunc('day', block_time) AS time,
-- count distinct addresses that sent a transactions
COUNT(distinct "from") AS users,
-- count distinct addresses that received a transaction
COUNT(distinct "to") AS receiving_addresses
FROM ethereum.transactions
WHERE block_time > DATE '2023-01-01'
GROUP BY time
