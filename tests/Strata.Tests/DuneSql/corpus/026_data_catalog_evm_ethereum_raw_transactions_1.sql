-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/transactions.mdx (sql block 1), verbatim
SELECT 
    block_number, 
    COUNT(*)
FROM ethereum.transactions
GROUP BY 1
ORDER BY 1 DESC
LIMIT 10
