-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/pigeonhouse/index.ts (template string at line 20; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH trades AS (
      SELECT
        tx_id,
        outer_instruction_index,
        CASE 
            WHEN TO_HEX(data) LIKE '66063D1201DAEBEA%' THEN 1 ELSE 2 END as inner_instruction_index
      FROM solana.instruction_calls
      WHERE executing_account = 'BV1RxkAaD5DjXMsnofkVikFUUYdrDg1v8YgsQ3iyDNoL'
        AND (
            TO_HEX(data) LIKE '66063D1201DAEBEA%' -- buy discriminator
            OR TO_HEX(data) LIKE '33E685A4017F83AD%' -- sell discriminator
        )
        AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND tx_success = true
    )
    SELECT
      COALESCE(SUM(amount_usd), 0) AS daily_volume
    FROM tokens_solana.transfers t
    INNER JOIN trades s
      ON t.tx_id = s.tx_id
      AND t.outer_instruction_index = s.outer_instruction_index
      AND t.inner_instruction_index = s.inner_instruction_index
    WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
      AND t.amount_usd > 0
