-- Source: github.com/duneanalytics/dune-docs, learning/flipside-migration-guide.mdx (sql block 1), verbatim
-- This will fail or return no results in Dune
SELECT *
FROM ethereum.transactions
WHERE "to" = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e'
