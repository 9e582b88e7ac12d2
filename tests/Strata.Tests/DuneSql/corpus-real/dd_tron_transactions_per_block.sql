-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/raw/transactions.mdx, "Count the number of transactions per block" (verbatim)
SELECT 
    block_number, 
    COUNT(*)
FROM tron.transactions
GROUP BY 1
ORDER BY 1 DESC
LIMIT 10
