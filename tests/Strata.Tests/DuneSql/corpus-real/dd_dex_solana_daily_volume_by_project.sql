-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/dex-trades/solana/overview.mdx, daily volume by project (verbatim)
SELECT 
    DATE_TRUNC('day', block_time) as date,
    project,
    COUNT(*) as num_trades,
    SUM(amount_usd) as volume_usd
FROM dex_solana.trades
WHERE block_time >= NOW() - INTERVAL '30' day
GROUP BY 1, 2
ORDER BY 1 DESC, 4 DESC
