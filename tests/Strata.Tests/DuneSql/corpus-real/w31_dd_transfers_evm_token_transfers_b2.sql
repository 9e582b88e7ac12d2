-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-transfers/evm/token-transfers.mdx, sql block 2 (SQL verbatim)
SELECT
    block_date,
    COUNT(*) AS num_transfers,
    SUM(amount) AS total_amount,
    SUM(amount_usd) AS total_amount_usd
FROM tokens.transfers
WHERE contract_address = 0x1f9840a85d5af5bf1d1762f925bdaddc4201f984
    AND block_time > now() - interval '30' day
    and blockchain = 'ethereum'
GROUP BY 1
ORDER BY 1 DESC
