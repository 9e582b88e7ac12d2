-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, active-users/fomo.ts (template string at line 17; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH fomo_txs AS (
      SELECT DISTINCT tx_id
      FROM tokens_solana.transfers
      WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
        AND to_owner = 'R4rNJHaffSUotNmqSKNEfDcJE8A7zJUkaoM5Jkd7cYX'
        AND token_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
    )
    SELECT
      COUNT(DISTINCT t.trader_id) AS active_users,
      COUNT(DISTINCT t.tx_id) AS txs
    FROM dex_solana.trades t
    JOIN fomo_txs f ON t.tx_id = f.tx_id
    WHERE block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600) AND t.trader_id != 'R4rNJHaffSUotNmqSKNEfDcJE8A7zJUkaoM5Jkd7cYX'
