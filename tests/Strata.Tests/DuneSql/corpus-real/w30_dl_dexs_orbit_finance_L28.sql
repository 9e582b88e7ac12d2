-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/orbit-finance.ts (template string at line 28; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH swap_ixs AS (
            SELECT tx_id, outer_instruction_index
            FROM solana.instruction_calls
            WHERE executing_account = 'Fn3fA3fjsmpULNL7E9U79jKTe1KHxPtQeWdURCbJXCnM'
                AND bytearray_substring(data, 1, 8) = 0xf8c69e91e17587c8
                AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
                AND tx_success = true
        ),
        swap_transfers AS (
            SELECT
                t.tx_id,
                t.outer_instruction_index,
                t.amount_usd
            FROM tokens_solana.transfers t
            JOIN swap_ixs s
                ON t.tx_id = s.tx_id
                AND t.outer_instruction_index = s.outer_instruction_index
            WHERE t.block_time >= from_unixtime(1764979200)
                AND t.block_time <= from_unixtime(1765065600)
                AND t.amount_usd IS NOT NULL
                AND t.amount_usd > 0
        ),
        per_swap AS (
            SELECT
                tx_id,
                outer_instruction_index,
                MAX(amount_usd) AS input_usd
            FROM swap_transfers
            GROUP BY tx_id, outer_instruction_index
        )
        SELECT
            COALESCE(SUM(input_usd), 0) AS daily_volume
        FROM per_swap
