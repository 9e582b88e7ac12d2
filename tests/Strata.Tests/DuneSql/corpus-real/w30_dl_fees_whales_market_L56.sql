-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/whales-market.ts (template string at line 56; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH whales_txs AS (
        SELECT DISTINCT tx_id
        FROM solana.instruction_calls
        WHERE tx_success
          AND executing_account = 'stPdYNaJNsV3ytS9Xtx4GXXXRcVqVS6x66ZFa26K39S'
          AND is_inner = false
          AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
    )
    SELECT
        t.token_mint_address AS mint,
        SUM(t.amount) AS amount
    FROM tokens_solana.transfers t
    JOIN whales_txs w ON t.tx_id = w.tx_id
    WHERE t.to_owner = 'F2Vvt5KT33bUWnQtmGGJ4o2VW1BRXcJHucfi8ExW8JvX'
      AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
    GROUP BY t.token_mint_address
