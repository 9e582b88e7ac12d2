-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/whales-market.ts (template string at line 53; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH fill_txs AS (
        SELECT DISTINCT tx_id
        FROM solana.instruction_calls
        WHERE tx_success
          AND executing_account = 'stPdYNaJNsV3ytS9Xtx4GXXXRcVqVS6x66ZFa26K39S'
          AND is_inner = false
          AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
          AND ANY_MATCH(log_messages, x -> x LIKE '%FillOffer%')
    )
    SELECT
        t.token_mint_address AS mint,
        COALESCE(SUM(t.amount), 0) AS amount
    FROM tokens_solana.transfers t
    JOIN fill_txs f ON t.tx_id = f.tx_id
    WHERE t.to_owner = 'GDsMbTq82sYcxPRLdQ9RHL9ZLY3HNVpXjXtCnyxpb2rQ'
      AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
    GROUP BY t.token_mint_address
