-- Source: github.com/duneanalytics/dune-docs, query-engine/writing-efficient-queries.mdx (sql block 4), verbatim
-- ✅ GOOD: Using LIMIT for large result sets
SELECT 
    hash,
    block_time,
    gas_used,
    gas_price
FROM ethereum.transactions
WHERE block_time >= TIMESTAMP '2024-10-01'
ORDER BY gas_price DESC
LIMIT 1000
