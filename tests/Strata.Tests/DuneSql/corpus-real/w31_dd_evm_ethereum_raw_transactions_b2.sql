-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/transactions.mdx, sql block 2 (SQL verbatim)
SELECT 
    block_number, 
    COUNT(*)
FROM ethereum.transactions
GROUP BY 1
ORDER BY 1 DESC
LIMIT 10
