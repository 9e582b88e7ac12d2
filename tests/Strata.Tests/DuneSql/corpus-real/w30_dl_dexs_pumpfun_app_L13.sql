-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/pumpfun-app.ts (template string at line 13; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH app_tx AS (
        SELECT DISTINCT tx_id
        FROM solana.instruction_calls
        WHERE executing_account = '6Vo3245eszAb5wuqEMw8mGdbfRUdKbHhDHP5LcaGuTAB'
          AND tx_success
          AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
    )
    SELECT COALESCE(SUM(tr.amount_usd), CAST(0 AS double)) AS volume
    FROM dex_solana.trades tr
    JOIN app_tx a ON tr.tx_id = a.tx_id
    WHERE tr.project IN ('pumpdotfun', 'pumpswap')
      AND tr.block_time >= from_unixtime(1764979200)
      AND tr.block_time <= from_unixtime(1765065600)
