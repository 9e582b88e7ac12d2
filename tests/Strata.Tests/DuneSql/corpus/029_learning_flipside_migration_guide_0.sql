-- Source: github.com/duneanalytics/dune-docs, learning/flipside-migration-guide.mdx (sql block 0), verbatim
-- Filtering for transactions to a specific address
SELECT *
FROM ethereum.transactions
WHERE "to" = 0x742d35Cc6634C0532925a3b844Bc454e4438f44e -- Uniswap V2: Router 2
