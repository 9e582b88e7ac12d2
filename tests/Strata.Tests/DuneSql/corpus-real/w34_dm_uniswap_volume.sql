-- Source: github.com/deny-ml/dune-sql-analytics @ad40bd233a06ffe79d3909b40ac92087eaef1eb7, 01_uniswap_volume/query.sql (verbatim)
SELECT 
    DATE_TRUNC('day', block_time) AS block_date,
    SUM(amount_usd) AS total_volume_usd
FROM 
    dex.trades
WHERE 
    project = 'uniswap' 
    AND version = '3'
    AND block_time >= NOW() - INTERVAL '30' day
    AND amount_usd IS NOT NULL 
GROUP BY 
    1 
ORDER BY 
    block_date DESC;
