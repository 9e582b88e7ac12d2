-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/dune-ai.mdx, sql block 1 (SQL verbatim)
SELECT 
    date_trunc('day', block_time) AS time
    , (PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY gas_price))/1e9  AS median_gas
    , COUNT(*) AS daily_tx
FROM ethereum.transactions
GROUP BY time
