-- Source: public GitHub file found with find_string on "FROM erc721_ethereum.evt_Transfer" (the index names no repository nor path; read_file id 10059146427), Azuki daily OpenSea volume (the third statement of the same block, verbatim)
-- 最近一段时间在 OpenSea 的交易量
SELECT 
    DATE_TRUNC('day', block_time) as trade_date,
    SUM(amount_usd) as daily_volume_usd,
    COUNT(*) as trade_count,
    AVG(amount_usd) as avg_trade_usd,
    MIN(amount_usd) as min_trade_usd,
    MAX(amount_usd) as max_trade_usd
FROM opensea.trades 
WHERE nft_contract_address = 0xED5AF388653567Af2F388E6224dC7C4b3241C544
    AND block_time >= NOW() - interval '30' day
    AND amount_usd > 0
GROUP BY DATE_TRUNC('day', block_time)
ORDER BY trade_date DESC
