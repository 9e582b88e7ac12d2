-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/dune-ai.mdx, sql block 3 (SQL verbatim)
SELECT  date_trunc('day', block_time) as day, COUNT(distinct seller) as sellers
FROM nft.trades
WHERE project = 'blur'
GROUP BY 1
