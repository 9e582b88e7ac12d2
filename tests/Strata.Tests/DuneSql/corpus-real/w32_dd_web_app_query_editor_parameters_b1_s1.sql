-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/query-editor/parameters.mdx (```sql block 1, statement 1; SQL verbatim)
-- Base query (query_123) with parameters
SELECT 
    project,
    sum(amount_usd) as volume
FROM dex.trades 
WHERE blockchain = '{{blockchain_param}}'
  AND block_time >= cast('{{start_date}}' as timestamp)
GROUP BY project
