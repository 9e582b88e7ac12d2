-- Source: github.com/duneanalytics/dune-docs, web-app/dune-ai.mdx (sql block 0), verbatim
SELECT 
    date_trunc('day', block_time) AS time
    , (PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY gas_price))/1e9  AS median_gas
    , COUNT(*) AS daily_tx
FROM ethereum.transactions
GROUP BY time
