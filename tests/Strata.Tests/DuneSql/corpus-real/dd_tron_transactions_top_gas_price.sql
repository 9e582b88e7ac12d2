-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/transactions.mdx, "Show the top 10 transactions with the highest gas price" (verbatim)
SELECT 
    hash, 
    gas_price
FROM tron.transactions
ORDER BY gas_price DESC
LIMIT 10
