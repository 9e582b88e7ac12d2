-- Source: github.com/duneanalytics/dune-docs @1502a52, learning/flipside-migration-guide.mdx, sql block 8 (SQL verbatim)
SELECT 
    DATE_TRUNC('day', block_time) as date,
    SUM(amount_usd) as volume_usd
FROM dex.trades
WHERE block_time >= CAST('2024-01-01' AS date)
    AND blockchain = 'ethereum'
GROUP BY 1
ORDER BY 1
