-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/fomo/index.ts (template string at line 16; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH fomo_txs AS (
      SELECT DISTINCT tx_id
      FROM tokens_solana.transfers
      WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND to_owner = 'R4rNJHaffSUotNmqSKNEfDcJE8A7zJUkaoM5Jkd7cYX'
        AND token_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
    ),
    botTrades AS (
      SELECT
        t.tx_id,
        t.amount_usd,
        -- dex_solana.trades has one row per pool hop, and a route through USDC matches the
        -- filter below on both of its legs, so summing every row counts one swap twice
        ROW_NUMBER() OVER (PARTITION BY t.tx_id, t.trader_id ORDER BY t.amount_usd DESC) AS rn
      FROM dex_solana.trades t
      JOIN fomo_txs f ON t.tx_id = f.tx_id
      WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND t.trader_id != 'R4rNJHaffSUotNmqSKNEfDcJE8A7zJUkaoM5Jkd7cYX'
        AND (
          t.token_bought_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
          OR t.token_sold_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
          OR t.token_bought_symbol = 'USDC'
          OR t.token_sold_symbol = 'USDC'
        )
    )
    SELECT COALESCE(SUM(amount_usd), 0) AS total_volume
    FROM botTrades
    WHERE rn = 1
