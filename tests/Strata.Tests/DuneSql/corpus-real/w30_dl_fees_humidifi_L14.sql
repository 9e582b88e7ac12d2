-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/humidifi.ts (template string at line 14; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT
            token,
            COALESCE(SUM(amount_sold), 0) AS amount_sold,
            COALESCE(SUM(amount_bought), 0) AS amount_bought
        FROM (
            SELECT
                token_sold_mint_address AS token,
                token_sold_amount_raw AS amount_sold,
                0 AS amount_bought
            FROM dex_solana.trades
            WHERE project = 'humidifi'
            AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)

            UNION ALL

            SELECT
                token_bought_mint_address AS token,
                0 AS amount_sold,
                token_bought_amount_raw AS amount_bought
            FROM dex_solana.trades
            WHERE project = 'humidifi'
            AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        ) t
        GROUP BY token
