-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/blockchain-specific/evm/overview.mdx, sql block 1 (SQL verbatim)
SELECT 
    blockchain,
    date_trunc('day', block_time) as date,
    COUNT(*) as num_trades,
    SUM(amount_usd) as volume_usd
FROM dex.trades
WHERE block_time >= NOW() - INTERVAL '30' day
GROUP BY 1, 2
ORDER BY 2 DESC, 1
