-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-transfers/solana/solana-token-transfers.mdx, transfers of an address (verbatim)
SELECT
    block_time,
    action,
    CASE 
        WHEN from_owner = '7F9KJm6rcW2PAgUkRmqXhzMmUpxWcQcLFjarE4bwniqZ' THEN 'Outgoing'
        WHEN to_owner = '7F9KJm6rcW2PAgUkRmqXhzMmUpxWcQcLFjarE4bwniqZ' THEN 'Incoming'
    END AS direction,
    amount,
    amount_usd,
    token_mint_address,
    token_version
FROM tokens_solana.transfers
WHERE (from_owner = '7F9KJm6rcW2PAgUkRmqXhzMmUpxWcQcLFjarE4bwniqZ' OR to_owner = '7F9KJm6rcW2PAgUkRmqXhzMmUpxWcQcLFjarE4bwniqZ')
    AND block_time > now() - interval '30' day
ORDER BY block_time DESC
LIMIT 100
