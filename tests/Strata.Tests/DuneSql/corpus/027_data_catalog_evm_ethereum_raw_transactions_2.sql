-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/transactions.mdx (sql block 2), verbatim
SELECT 
    hash, 
    gas_price
FROM ethereum.transactions
ORDER BY gas_price DESC
LIMIT 10
