-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/raw/transactions.mdx, sql block 3 (SQL verbatim)
SELECT 
    hash, 
    gas_price
FROM ethereum.transactions
ORDER BY gas_price DESC
LIMIT 10
