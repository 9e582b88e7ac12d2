-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/jup-ape/index.ts (template string at line 22; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH ape_pro_txs AS (
            SELECT
                block_time,
                tx_id
            FROM
                solana.instruction_calls
            WHERE
                executing_account = 'JSW99DKmxNyREQM14SQLDykeBvEUG63TeohrvmofEiw'
                AND varbinary_starts_with (data, 0xe445a52e51cb9a1d516ce3becdd00ac4)
                AND tx_success = true
                AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        ),
        dex_trades AS (
            SELECT *
            FROM dex_solana.trades
            WHERE tx_id IN (SELECT tx_id FROM ape_pro_txs)
            AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        ),
        ape_pro_detailed_txs AS (
            SELECT 
                l.block_time
                , l.tx_id
                , t.amount_usd AS amount_usd
            FROM ape_pro_txs as l
            LEFT JOIN dex_trades t
                ON t.tx_id = l.tx_id
        )
        SELECT 
            SUM(f.amount_usd) as daily_volume
        FROM ape_pro_detailed_txs as f
